using Almanac.Core;
using Almanac.Storage;

namespace Almanac.Curation;

/// <summary>A source document as pages and feeds cite it.</summary>
public sealed record SourceRef(string Id, string Title);

/// <summary>Looks up the documents a request cites, each once per request.</summary>
public sealed class Sources(IAlmanacStore store)
{
    private readonly Dictionary<string, SourceRef> _seen = new(StringComparer.Ordinal);

    public SourceRef Get(string documentId)
    {
        if (!_seen.TryGetValue(documentId, out var source))
        {
            var document = store.GetDocument(documentId);
            source = new SourceRef(documentId, document is null || string.IsNullOrWhiteSpace(document.Title) ? "Untitled document" : document.Title);
            _seen[documentId] = source;
        }
        return source;
    }

    public IReadOnlyList<SourceRef> Of(IEnumerable<string> documentIds) => documentIds.Distinct(StringComparer.Ordinal).Select(Get).ToList();

    /// <summary>The documents that state the date an event is listed under on a day page.</summary>
    public IReadOnlyList<SourceRef> ForListing(DayEntry entry)
    {
        var stating = entry.Event.Mentions.Where(m => StatesDay(m, entry.ListedDate)).Select(m => m.DocumentId).ToList();
        return Of(stating.Count > 0 ? stating : entry.Event.DocumentIds);
    }

    private static bool StatesDay(EventMention mention, HistoricalDate listed) =>
        mention.Date.Precision == Precision.Day
        && (mention.Date.ToGregorian() == listed.ToGregorian() || mention.Date == listed
            || mention.EndDate is { } end && end.ToGregorian() == listed.ToGregorian());
}
