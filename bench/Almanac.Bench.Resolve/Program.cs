using System.Diagnostics;
using System.Globalization;
using Almanac.Core;
using Almanac.Events;

// How resolution's cost grows with the mentions of one event: 1x, 10x and 100x as many documents, each
// naming the same day (with sources disagreeing by a day now and then) in a few sentences of its own, among
// other events of that year. Prints time and memory per size; linear growth means ~10x per step.
// Run: dotnet run -c Release --project bench/Almanac.Bench.Resolve [-- DOCUMENTS_AT_1X]
var baseDocuments = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
const int MentionsPerDocument = 10;
Console.WriteLine($"resolution of one event named {MentionsPerDocument} times in each document, plus one other event per document");
foreach (var scale in new[] { 1, 10, 100 })
{
    var (mentions, documents) = Corpus(baseDocuments * scale);
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    var resolution = new EventResolver().Resolve(mentions, documents);
    clock.Stop();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
    var biggest = resolution.Events.MaxBy(e => e.MentionCount)!;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{scale,4}x: {documents.Count,7:N0} documents, {mentions.Count,9:N0} mentions -> {resolution.Events.Count,6:N0} events in {clock.Elapsed.TotalSeconds,6:F2} s; " +
        $"allocated {allocated / 1e6,8:F0} MB, events retained {retained / 1e6,6:F1} MB; largest event {biggest.MentionCount:N0} mentions from {biggest.SourceCount:N0} documents, keeps {biggest.Mentions.Count}"));
}
Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");

static (List<EventMention> Mentions, Dictionary<string, SourceDocument> Documents) Corpus(int documentCount)
{
    var mentions = new List<EventMention>();
    var documents = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
    var landing = HistoricalDate.OnDay(1944, 6, 6);
    for (var d = 0; d < documentCount; d++)
    {
        var id = $"doc{d:D7}";
        var sentences = new List<string>();
        for (var m = 0; m < MentionsPerDocument; m++)
        {
            var day = m == 3 && d % 7 == 0 ? HistoricalDate.OnDay(1944, 6, 5) : landing;
            var text = $"On {day.Day} June 1944 Allied troops landed on the beaches of Normandy, source {d} line {m}.";
            mentions.Add(Mention(id, day, text, sentences.Sum(s => s.Length + 1), ["allied", "troops", "landed", "beaches", "normandy"], ["Normandy"]));
            sentences.Add(text);
        }
        var other = HistoricalDate.OnDay(1944, 1 + d % 12, 1 + d % 28);
        var otherText = $"On {other.Day} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(other.Month!.Value)} 1944 the council {d} met in town {d % 500}.";
        mentions.Add(Mention(id, other, otherText, sentences.Sum(s => s.Length + 1), ["council", $"town{d % 500}", "met"], []));
        sentences.Add(otherText);
        var text2 = string.Join("\n", sentences);
        documents[id] = new SourceDocument(id, $"/bench/{id}.txt", $"Source {d}", text2, text2.Length);
    }
    return (mentions, documents);
}

static EventMention Mention(string documentId, HistoricalDate date, string sentence, int start, IReadOnlyList<string> keywords, IReadOnlyList<string> places) =>
    new(documentId, MentionKind.Event, date, null, date.ToTimex(), sentence, start, start + sentence.Length, [], places, keywords) { Clause = sentence };
