using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Almanac.Bench.Load;
using Almanac.Core;
using Almanac.Storage;
using Almanac.Storage.Postgres;
using Almanac.Storage.Sqlite;

// Load-benchmark helpers driven by bench/load.sh:
//   documents FOLDER COUNT DAYS_JSONL SEEDS   writes ingest documents: the seeds plus day pages built from days.jsonl
//   bulk-load STORE EVENTS DAYS_JSONL         fills a store with EVENTS events made from days.jsonl texts with shifted years
//   ingest STORE FOLDER WORKERS               ingest throughput into an empty store (WORKERS threads on PostgreSQL)
//   profile STORE MM-DD                       where one feed or day-page request's time goes on that day (load.sh PROFILE=1)
if (args.Length == 4 && args[0] == "ingest")
    return IngestBench.Run(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
if (args.Length == 4 && args[0] == "bulk-load")
    return BulkLoad(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);
if (args.Length == 5 && args[0] == "documents")
    return Documents(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3], args[4]);
if (args.Length == 3 && args[0] == "profile")
    return await RequestProfile.Run(args[1], args[2]);
Console.Error.WriteLine("usage: documents FOLDER COUNT DAYS_JSONL SEEDS | bulk-load STORE EVENTS DAYS_JSONL | ingest STORE FOLDER WORKERS | profile STORE MM-DD");
return 2;

static int Documents(string folder, int count, string daysPath, string seeds)
{
    Directory.CreateDirectory(folder);
    var written = 0;
    foreach (var seed in Directory.GetFiles(seeds).Order(StringComparer.Ordinal).Take(count))
    {
        File.Copy(seed, Path.Combine(folder, Path.GetFileName(seed)), overwrite: true);
        written++;
    }
    // One page per calendar day, its lines written as dated sentences, as a history site's day page reads.
    var byDay = DayLines.Read(daysPath).GroupBy(l => (l.Month, l.Day)).OrderBy(g => g.Key).ToList();
    long bytes = 0;
    for (var i = 0; written < count && i < byDay.Count; i++, written++)
    {
        var ((month, day), lines) = (byDay[i].Key, byDay[i]);
        var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
        var page = new StringBuilder($"{monthName} {day} in history\n\n");
        foreach (var line in lines.Where(l => l.Kind == MentionKind.Event).Take(40))
            page.Append($"On {monthName} {day}, {line.Year}, {line.Text}\n\n");
        var path = Path.Combine(folder, $"day-{month:D2}-{day:D2}.txt");
        File.WriteAllText(path, page.ToString());
        bytes += new FileInfo(path).Length;
    }
    Console.WriteLine($"documents: {written} written to {folder} ({bytes / 1024.0 / 1024.0:F2} MB of day pages plus seeds)");
    return 0;
}

static int BulkLoad(string location, int count, string daysPath)
{
    var lines = DayLines.Read(daysPath);
    var clock = Stopwatch.StartNew();
    var events = new List<HistoricalEvent>(count);
    // days.jsonl repeats some lines, so an event's id comes from its line's position and its copy, not its text.
    // Copy k shifts every year back by 4k: leap days stay valid (except across a century, where the line is skipped).
    for (var copy = 0; events.Count < count; copy++)
    {
        for (var index = 0; index < lines.Count && events.Count < count; index++)
        {
            var line = lines[index];
            var year = line.Year - 4 * copy;
            if (year < 1 || (line.Month == 2 && line.Day == 29 && !DateTime.IsLeapYear(year)))
                continue;
            events.Add(EventOf(line, index, year, copy));
        }
    }
    var documents = YearPages(events);
    var built = clock.Elapsed;
    using IAlmanacStore store = PostgresLocation.IsPostgres(location) ? PostgresAlmanacStore.Open(location) : SqliteAlmanacStore.Open(location);
    clock.Restart();
    // Each year page holds the mentions of its events, in their order, which the events show as a resolution files them.
    var ofPage = events.GroupBy(e => e.Mentions[0].DocumentId).ToDictionary(g => g.Key, g => g.ToList());
    foreach (var document in documents)
        store.AddDocument(document, ofPage[document.Id].Select(e => e.Mentions[0]).ToList());
    var documented = clock.Elapsed;
    clock.Restart();
    // A page's mentions all start its text, so they read back in the order they were stored: its events' order.
    var assignments = documents.SelectMany(d => store.GetMentionsOfDocuments([d.Id]).Zip(ofPage[d.Id], (row, e) => new MentionAssignment(row.Id, e.Id, 0))).ToList();
    store.ReplaceEvents(events, assignments);
    var loaded = clock.Elapsed;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"bulk-load: {events.Count} events from {lines.Count} day lines built in {built.TotalSeconds:F1} s, {documents.Count} year pages stored in {documented.TotalSeconds:F1} s, the events in {loaded.TotalSeconds:F1} s ({events.Count / loaded.TotalSeconds:F0} events/s); store now {store.GetCounts()}"));
    // The store's side of a day page, apart from rendering: one day's listing, read and deserialized, warm.
    store.GetEventsOnDay(1, 1);
    clock.Restart();
    var rows = 0;
    const int days = 20;
    for (var i = 0; i < days; i++)
        rows += store.GetEventsOnDay(1 + i % 12, 1 + i).Count;
    var perDay = clock.Elapsed.TotalMilliseconds / days;
    clock.Restart();
    var hits = store.SearchEvents("treaty signed", 20).Count;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"store reads: GetEventsOnDay {perDay:F0} ms per day ({rows / days} events a day); SearchEvents(\"treaty signed\", 20) {clock.Elapsed.TotalMilliseconds:F0} ms, {hits} hits"));
    return 0;
}

// Each event is cited by the page of its year ("Events of 1956"), which lists the year's lines by day, as a year
// article does: a day then cites hundreds of documents of some kilobytes each, as a day of a real store does.
static List<SourceDocument> YearPages(IEnumerable<HistoricalEvent> events) =>
    events.GroupBy(e => e.Date.Year).OrderBy(g => g.Key).Select(g =>
    {
        var text = string.Join("\n", g.OrderBy(e => e.Date.Month).ThenBy(e => e.Date.Day)
            .Select(e => $"{DateDisplay.Day(new NodaTime.AnnualDate(e.Date.Month!.Value, e.Date.Day!.Value))} – {e.Text}"));
        return new SourceDocument(YearPageId(g.Key), $"bench/years/{g.Key}.txt", $"Events of {DateDisplay.Year(g.Key)}", text, Encoding.UTF8.GetByteCount(text));
    }).ToList();

static string YearPageId(int year) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"year|{year}")))[..16];

static HistoricalEvent EventOf(DayLine line, int index, int year, int copy)
{
    var date = HistoricalDate.OnDay(year, line.Month, line.Day);
    var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{copy}|{index}")))[..12];
    var title = line.Kind switch
    {
        MentionKind.Birth => $"Birth of {line.Text}",
        MentionKind.Death => $"Death of {line.Text}",
        _ => line.Text,
    };
    var people = line.Kind == MentionKind.Event ? [] : line.Pages.Take(1).ToList();
    var source = YearPageId(year);
    var mention = new EventMention(source, line.Kind, date, null, DateDisplay.Of(date), line.Text, 0, line.Text.Length, people, [], []);
    return new HistoricalEvent(id, line.Kind, title, line.Text, date, null, [new DateClaim(date, null, [source], 1)],
        people, [], [new CitedSentence(line.Text, source)], 1.0 + line.Pages.Count * 0.1, [mention]);
}
