using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Almanac.Core;
using Almanac.Storage;
using Almanac.Storage.Sqlite;

namespace Almanac.Ingest.Evaluation;

/// <summary>One line of a day-page gold file: a dated entry of a page, with the section the page puts it in.</summary>
public sealed record DayGoldEntry(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("day")] string Day,
    [property: JsonPropertyName("year")] int Year,
    [property: JsonPropertyName("section")] string Section,
    [property: JsonPropertyName("text")] string Text);

/// <summary>An entry Almanac found on a page: a day-precision mention, with the year as historians write it (44 BC = -44).</summary>
public sealed record FoundDayEntry(string File, string Day, int Year, MentionKind Kind, string Text);

/// <summary>How a page (or the whole folder) scored; kinds count the gold births and deaths that were found.</summary>
public sealed record DayPageScore(string File, int Gold, int Found, int GoldMatched, int FoundMatched, int KindGold, int KindRight)
{
    public double Recall => Gold == 0 ? 1 : (double)GoldMatched / Gold;
    public double Precision => Found == 0 ? 1 : (double)FoundMatched / Found;
    public double KindAccuracy => KindGold == 0 ? 1 : (double)KindRight / KindGold;
}

public sealed record DayPageMiss(string File, string What, int Year, string Section, string Text);

public sealed record DayPageReport(IReadOnlyList<DayPageScore> Pages, DayPageScore Overall, IReadOnlyList<DayPageMiss> Errors);

/// <summary>
/// Both measures of one folder: the entries stored as mentions, and what a reader is shown — the events listed on each
/// page's day (as <c>day MM-DD</c> and <c>/day/MM-DD</c> list them) that cite the page: one line per event and page, however many of its entries the event merged.
/// </summary>
/// <param name="Unscored">Entries dated from the page's own year ("Ten years ago:" in a dated column): the gold lists
/// only entries whose year the page writes, so these are left out of both scores and counted here.</param>
public sealed record DayPageEvaluationResult(DayPageReport Stored, DayPageReport Shown, int Unscored = 0);

/// <summary>
/// Scores day-page reading against a gold file in the format of shared/corpora/real-pages/days: the pages of a
/// folder are ingested into a fresh temporary store, and every day-precision mention stored for a page is a found
/// entry (holidays aside: the gold has none). What a reader sees is scored too: every event listed on a page's day that
/// cites the page is a found entry of that page, with its listed year, kind and the page's text for it. A found entry matches a gold line of the same page when the day and
/// year are equal and one text contains the other after collapsing whitespace, or they share most words.
/// </summary>
public static class DayPageEvaluation
{
    public const string GoldFileName = "gold.jsonl";

    public static DayPageEvaluationResult Run(string folder)
    {
        var gold = ReadGold(Path.Combine(folder, GoldFileName));
        // The pages are the document files of the folder itself; a README describing them is not one.
        var pages = Directory.EnumerateFiles(folder)
            .Where(f => DocumentFiles.IsDocument(f) && !Path.GetFileName(f).StartsWith("README", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        var storePath = Path.Combine(Path.GetTempPath(), $"almanac-eval-{Guid.NewGuid():N}.db");
        try
        {
            List<FoundDayEntry> stored;
            List<FoundDayEntry> shown;
            int unscored;
            using (var store = SqliteAlmanacStore.Open(storePath))
            {
                new Ingestor(store).Ingest(new FileSelection(pages, []));
                var fileOf = store.GetDocuments().ToDictionary(d => d.Id, d => Path.GetFileName(d.Path), StringComparer.Ordinal);
                var mentions = store.GetMentions().Select(m => m.Mention)
                    .Where(m => m.Date.Precision == Precision.Day && m.Kind != MentionKind.Holiday && fileOf.ContainsKey(m.DocumentId))
                    .ToList();
                unscored = mentions.Count(m => !WritesItsYear(m));
                stored = mentions.Where(WritesItsYear)
                    .Select(m => new FoundDayEntry(fileOf[m.DocumentId], $"{m.Date.Month:D2}-{m.Date.Day:D2}", HistoriansYear(m.Date), m.Kind, m.Clause))
                    .ToList();
                shown = Shown(store, fileOf, gold);
            }
            var files = pages.Select(Path.GetFileName).OfType<string>().ToList();
            return new DayPageEvaluationResult(Score(files, gold, stored), Score(files, gold, shown), unscored);
        }
        finally
        {
            foreach (var file in new[] { storePath, storePath + "-wal", storePath + "-shm" })
                File.Delete(file);
        }
    }

    /// <summary>The events listed on each day of the gold, once for every page among their sources.</summary>
    private static List<FoundDayEntry> Shown(SqliteAlmanacStore store, IReadOnlyDictionary<string, string> fileOf, IReadOnlyList<DayGoldEntry> gold)
    {
        var shown = new List<FoundDayEntry>();
        foreach (var day in gold.Select(g => g.Day).Distinct(StringComparer.Ordinal))
        {
            var (month, dayOfMonth) = (int.Parse(day[..2], CultureInfo.InvariantCulture), int.Parse(day[3..], CultureInfo.InvariantCulture));
            foreach (var entry in store.GetEventsOnDay(month, dayOfMonth).Where(e => e.Event.Kind != MentionKind.Holiday))
                // The page's own entry behind the line (its headline may be another source's wording of the same event);
                // two entries of one page merged into one event are one line, so one of them is missed.
                foreach (var mention in entry.Event.Mentions.Where(m => fileOf.ContainsKey(m.DocumentId) && WritesItsYear(m))
                             .DistinctBy(m => m.DocumentId, StringComparer.Ordinal))
                    shown.Add(new FoundDayEntry(fileOf[mention.DocumentId], day, HistoriansYear(entry.ListedDate), entry.Event.Kind, mention.Clause));
        }
        return shown;
    }

    /// <summary>Whether the page writes the mention's year ("1961", "44 BC", "0474"), rather than counting back to it.</summary>
    private static bool WritesItsYear(EventMention mention) =>
        mention.DateText.Contains(Math.Abs(HistoriansYear(mention.Date)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static IReadOnlyList<DayGoldEntry> ReadGold(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no gold file (one JSON object a line: file, day, year, section, text)");
        return File.ReadLines(path).Where(l => l.Trim().Length > 0)
            .Select((line, i) => JsonSerializer.Deserialize<DayGoldEntry>(line)
                ?? throw new InvalidDataException($"{path}:{i + 1}: not a gold entry"))
            .ToList();
    }

    public static DayPageReport Score(IReadOnlyList<string> files, IReadOnlyList<DayGoldEntry> gold, IReadOnlyList<FoundDayEntry> found)
    {
        var pages = new List<DayPageScore>();
        var errors = new List<DayPageMiss>();
        foreach (var file in files)
        {
            var pageGold = gold.Where(g => g.File == file).ToList();
            var pageFound = found.Where(f => f.File == file).ToList();
            var goldMatched = 0;
            var kindGold = 0;
            var kindRight = 0;
            foreach (var g in pageGold)
            {
                var matches = pageFound.Where(f => Matches(g, f)).ToList();
                if (matches.Count > 0)
                    goldMatched++;
                else
                    errors.Add(new DayPageMiss(file, "missed", g.Year, g.Section, g.Text));
                if (KindOf(g.Section) is not { } kind)
                    continue;
                kindGold++;
                if (matches.Any(f => f.Kind == kind))
                    kindRight++;
                else if (matches.Count > 0)
                    errors.Add(new DayPageMiss(file, $"kind {matches[0].Kind}", g.Year, g.Section, g.Text));
            }
            var foundMatched = 0;
            foreach (var f in pageFound)
            {
                if (pageGold.Any(g => Matches(g, f)))
                    foundMatched++;
                else
                    errors.Add(new DayPageMiss(file, $"false {f.Day}", f.Year, f.Kind.ToString(), f.Text));
            }
            pages.Add(new DayPageScore(file, pageGold.Count, pageFound.Count, goldMatched, foundMatched, kindGold, kindRight));
        }
        var overall = new DayPageScore("overall", pages.Sum(p => p.Gold), pages.Sum(p => p.Found), pages.Sum(p => p.GoldMatched),
            pages.Sum(p => p.FoundMatched), pages.Sum(p => p.KindGold), pages.Sum(p => p.KindRight));
        return new DayPageReport(pages, overall, errors);
    }

    /// <summary>The stored entries page by page with their summary line, then the summary line of what readers are shown.</summary>
    public static void Write(TextWriter output, string corpus, DayPageEvaluationResult result, bool listErrors)
    {
        Write(output, corpus, result.Stored, listErrors);
        output.WriteLine();
        if (result.Unscored > 0)
            output.WriteLine($"{result.Unscored} entries dated from their page's own year (\"Ten years ago: …\") are outside the gold and not scored.");
        output.WriteLine("What `day MM-DD` shows (events listed on the page's day that cite it; an event merging two entries of a page is one line):");
        WriteSummary(output, corpus + " shown", result.Shown.Overall);
        if (listErrors)
            WriteErrors(output, result.Shown.Errors);
    }

    public static void Write(TextWriter output, string corpus, DayPageReport report, bool listErrors)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Format(c, "{0,-44} {1,5} {2,5} {3,7} {4,9} {5,11}", "page", "gold", "found", "recall", "precision", "kinds b/d"));
        foreach (var page in report.Pages.Append(report.Overall))
            output.WriteLine(string.Format(c, "{0,-44} {1,5} {2,5} {3,6:F1}% {4,8:F1}% {5,5}/{6,-5}", Shorten(page.File), page.Gold, page.Found,
                100 * page.Recall, 100 * page.Precision, page.KindRight, page.KindGold));
        WriteSummary(output, corpus, report.Overall);
        if (listErrors)
            WriteErrors(output, report.Errors);
    }

    private static void WriteSummary(TextWriter output, string corpus, DayPageScore o) =>
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: recall {1:F1}% ({2}/{3}), precision {4:F1}% ({5}/{6}), births and deaths of the right kind {7:F1}% ({8}/{9})",
            corpus, 100 * o.Recall, o.GoldMatched, o.Gold, 100 * o.Precision, o.FoundMatched, o.Found, 100 * o.KindAccuracy, o.KindRight, o.KindGold));

    private static void WriteErrors(TextWriter output, IReadOnlyList<DayPageMiss> errors)
    {
        foreach (var e in errors)
            output.WriteLine($"{e.What,-10} {e.File}  {e.Year}  {e.Section}  {OneLine(e.Text)}");
    }

    /// <summary>The year as the gold writes it: 44 BC is -44 (there is no year 0).</summary>
    public static int HistoriansYear(HistoricalDate date) => date.IsBeforeCommonEra ? -date.YearOfEra : date.Year;

    private static MentionKind? KindOf(string section) => section switch
    {
        "Births" => MentionKind.Birth,
        "Deaths" => MentionKind.Death,
        _ => null,
    };

    private static bool Matches(DayGoldEntry gold, FoundDayEntry found) =>
        gold.Day == found.Day && gold.Year == found.Year && TextsAgree(gold.Text, found.Text);

    internal static bool TextsAgree(string a, string b)
    {
        var x = Collapse(a);
        var y = Collapse(b);
        if (x.Length > 0 && y.Length > 0 && (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal)))
            return true;
        var wordsA = SearchQuery.WordsOf(x);
        var wordsB = SearchQuery.WordsOf(y);
        var shorter = Math.Min(wordsA.Count, wordsB.Count);
        return shorter > 0 && wordsA.Intersect(wordsB).Count() * 2 > shorter;
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length > 110 ? line[..110] + "…" : line;
    }

    private static string Shorten(string file) => file.Length > 44 ? file[..43] + "…" : file;
}
