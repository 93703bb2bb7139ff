using System.Security.Cryptography;
using System.Text;
using Almanac.Bench.Load;
using Almanac.Core;
using Almanac.Events;
using Almanac.Ingest;
using Almanac.Storage;

namespace Almanac.Bench.Incremental;

/// <summary>
/// Fills a store with generated day-page documents of <see cref="LinesPerDocument"/> dated lines each (from
/// days.jsonl, copy k shifting every year back by 4k), written straight through the store API rather than
/// through reading and tagging, each document's events resolved from it alone, so a million events build in minutes.
/// </summary>
internal static class GeneratedStore
{
    private const int LinesPerDocument = 100;

    public static void Fill(IAlmanacStore store, IReadOnlyList<DayLine> lines, int events)
    {
        var batch = new List<(DayLine Line, int Year)>(LinesPerDocument);
        var written = 0;
        for (var copy = 0; written < events; copy++)
        {
            for (var index = 0; index < lines.Count && written < events; index++)
            {
                var line = lines[index];
                var year = line.Year - 4 * copy;
                if (year < 1 || (line.Month == 2 && line.Day == 29 && !DateTime.IsLeapYear(year)))
                    continue;
                batch.Add((line, year));
                written++;
                if (batch.Count == LinesPerDocument)
                    Write(store, batch, copy, index);
            }
        }
        if (batch.Count > 0)
            Write(store, batch, -1, 0);
        // As an ingest ends (Ingestor.ResolveWaiting): looking for documents left waiting reads past the entries its
        // mentions left in PostgreSQL's index of unresolved mentions when they were filed, and marks them dead. Left unread
        // here, the first ingest measured read past 94,000 of them in the million-event store (0.36 s), where a store built
        // by ingests holds only those of the ingest running.
        new IncrementalResolution(store).ResolveWaiting();
    }

    private static void Write(IAlmanacStore store, List<(DayLine Line, int Year)> batch, int copy, int index)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"generated|{copy}|{index}")));
        var text = new StringBuilder();
        var mentions = new List<EventMention>(batch.Count);
        foreach (var (line, year) in batch)
        {
            var start = text.Length;
            var entry = $"{year} – {line.Text}";
            var date = HistoricalDate.OnDay(year, line.Month, line.Day);
            mentions.Add(MentionExtractor.FromDatedLine(id, line.Kind, date, year.ToString(System.Globalization.CultureInfo.InvariantCulture), entry, start));
            text.Append(entry).Append("\n\n");
        }
        var document = new SourceDocument(id, $"generated/{id[..12]}.txt", $"Generated day lines {copy}/{index}", text.ToString(), text.Length);
        store.AddDocument(document, mentions);
        store.FileFingerprints(id, CopyDetector.Fingerprints(document.Text));
        // The document's events, resolved from it alone: generated documents never share an event, so the store holds
        // what an ingest would have made of them, without reading a neighbourhood for each.
        var stored = store.GetMentionsOfDocuments([id]);
        var resolution = new EventResolver().Resolve(stored.Select(m => m.Mention).ToList(), new Dictionary<string, SourceDocument> { [id] = document });
        var rowOf = stored.ToDictionary(m => m.Mention, m => m.Id, (IEqualityComparer<EventMention>)ReferenceEqualityComparer.Instance);
        var assignments = MentionAssignment.Filing(resolution.Events, resolution.MentionsOf, m => rowOf[m]);
        if (!store.UpdateEvents(new EventUpdate([], resolution.Events, assignments), new ResolutionBasis(store.GetEventsGeneration(), [], [])))
            throw new InvalidOperationException($"the events of generated document {id} were not written");
        batch.Clear();
    }
}
