using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Almanac.Core;
using Almanac.Events;
using Almanac.Storage;
using Almanac.Storage.Sqlite;

namespace Almanac.Ingest.Evaluation;

/// <summary>One gold line of a prose folder: an event a page dates to the day, and words any right headline for it contains.</summary>
public sealed record ProseGoldEvent(string File, HistoricalDate Date, IReadOnlyList<string> Keywords, string Sentence);

/// <summary>How one gold event fared: listed on its day with its year from its page, and whether that listing's headline has the keywords.</summary>
public sealed record ProseGoldResult(ProseGoldEvent Gold, bool OnDay, bool WithKeywords, IReadOnlyList<string> HeadlinesThatDay);

/// <summary>A headline of an event from the folder's pages that fails a <see cref="HeadlineChecks"/> check.</summary>
public sealed record HeadlineFailure(string EventId, string Headline, IReadOnlyList<HeadlineFault> Faults);

public sealed record ProseScores(
    IReadOnlyList<ProseGoldResult> Gold, int Events, IReadOnlyList<HeadlineFailure> HeadlineFailures, IReadOnlyList<IngestFailure> ReadFailures)
{
    public int OnDay => Gold.Count(g => g.OnDay);
    public int WithKeywords => Gold.Count(g => g.WithKeywords);
    public int Faulty(HeadlineFault fault) => HeadlineFailures.Count(f => f.Faults.Contains(fault));
}

/// <summary>
/// `almanac eval prose DIR`: ingests the folder's pages into a fresh temporary store and measures what
/// a reader would see against the folder's gold.jsonl (the real-pages/prose format): whether each gold
/// event is listed on its day under its year from its page with a headline holding every keyword, and
/// how many headlines of the folder's events fail the headline checks.
/// </summary>
public static class ProseEvaluation
{
    public const string GoldFile = "gold.jsonl";

    public static ProseScores Run(string folder)
    {
        var gold = ReadGold(Path.Combine(folder, GoldFile));
        var storePath = Path.Combine(Path.GetTempPath(), $"almanac-eval-prose-{Guid.NewGuid():N}.db");
        try
        {
            using var store = SqliteAlmanacStore.Open(storePath);
            var summary = new Ingestor(store).Ingest(DocumentFiles.Find([folder]));
            return Score(store, gold, summary.Failures);
        }
        finally
        {
            foreach (var file in new[] { storePath, storePath + "-wal", storePath + "-shm" })
                File.Delete(file);
        }
    }

    private static ProseScores Score(IAlmanacStore store, IReadOnlyList<ProseGoldEvent> gold, IReadOnlyList<IngestFailure> failures)
    {
        var documentOfFile = store.GetDocuments().ToLookup(d => Path.GetFileName(d.Path), d => d.Id, StringComparer.Ordinal);
        var results = new List<ProseGoldResult>();
        foreach (var line in gold)
        {
            var documents = documentOfFile[line.File].ToHashSet(StringComparer.Ordinal);
            var listed = store.GetEventsOnDay(line.Date.Month!.Value, line.Date.Day!.Value)
                .Where(e => e.ListedDate.Year == line.Date.Year && e.Event.Mentions.Any(m => documents.Contains(m.DocumentId)))
                .Select(e => e.Event.Title)
                .ToList();
            var withKeywords = listed.Any(h => line.Keywords.All(k => HasKeyword(h, k)));
            results.Add(new ProseGoldResult(line, listed.Count > 0, withKeywords, listed));
        }
        var folderDocuments = documentOfFile.SelectMany(g => g).ToHashSet(StringComparer.Ordinal);
        var events = ReaderDay.AllDays()
            .SelectMany(day => store.GetEventsOnDay(day.Month, day.Day))
            .Select(e => e.Event)
            .Where(e => e.Mentions.Any(m => folderDocuments.Contains(m.DocumentId)))
            .DistinctBy(e => e.Id)
            .ToList();
        var faulty = events.Select(e => new HeadlineFailure(e.Id, e.Title, HeadlineChecks.Faults(e.Title)))
            .Where(f => f.Faults.Count > 0)
            .ToList();
        return new ProseScores(results, events.Count, faulty, failures);
    }

    /// <summary>A gold keyword in a headline, a verb in any tense: "assassinated" is in "Caesar is assassinated" and in "Brutus assassinates Caesar".</summary>
    private static bool HasKeyword(string headline, string keyword) =>
        headline.Contains(keyword, StringComparison.OrdinalIgnoreCase)
        || SearchQuery.WordsOf(headline.ToLowerInvariant()).Any(w => VerbForms.BaseOf(w) == VerbForms.BaseOf(keyword));

    public static IReadOnlyList<ProseGoldEvent> ReadGold(string path)
    {
        var lines = new List<ProseGoldEvent>();
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
                continue;
            var line = JsonSerializer.Deserialize<GoldLine>(text)
                ?? throw new InvalidDataException($"{path}:{number}: not a gold line");
            if (line.File is null || line.Date is null || line.Keywords is null || ParseDate(line.Date) is not { } date)
                throw new InvalidDataException($"{path}:{number}: needs file, a YYYY-MM-DD date (BC as -YYYY-MM-DD) and keywords");
            lines.Add(new ProseGoldEvent(line.File, date, line.Keywords, line.Sentence ?? ""));
        }
        return lines;
    }

    /// <summary>"1865-04-15", or "-0331-10-01" for 1 October 331 BC in historical numbering (no year 0).</summary>
    private static HistoricalDate? ParseDate(string value)
    {
        var bc = value.StartsWith('-');
        var parts = (bc ? value[1..] : value).Split('-');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || year == 0)
            return null;
        return HistoricalDate.TryOnDay(bc ? 1 - year : year, month, day);
    }

    private sealed record GoldLine(
        [property: JsonPropertyName("file")] string? File,
        [property: JsonPropertyName("date")] string? Date,
        [property: JsonPropertyName("keywords")] IReadOnlyList<string>? Keywords,
        [property: JsonPropertyName("sentence")] string? Sentence);
}
