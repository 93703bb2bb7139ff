using Almanac.Core;
using Almanac.Storage;

namespace Almanac.Curation;

/// <summary>Looks up the documents a request cites, each once per request, their titles only and many in one query.</summary>
public sealed class Sources(IAlmanacStore store)
{
    private readonly Dictionary<string, SourceRef> _seen = new(StringComparer.Ordinal);

    public SourceRef Get(string documentId) => Of([documentId])[0];

    public IReadOnlyList<SourceRef> Of(IEnumerable<string> documentIds)
    {
        var ids = documentIds.Distinct(StringComparer.Ordinal).ToList();
        Load(ids);
        return ids.Select(id => _seen[id]).ToList();
    }

    /// <summary>Looks up in one query the documents of these ids not looked up yet, so citing any of them later asks the store nothing.</summary>
    public void Load(IEnumerable<string> documentIds)
    {
        var missing = documentIds.Where(id => !_seen.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        if (missing.Count == 0)
            return;
        var titles = store.GetDocumentTitles(missing);
        foreach (var id in missing)
            _seen[id] = SourceRef.Of(id, titles.GetValueOrDefault(id));
    }

    /// <summary>The documents that state the date an event is listed under on a day page, as the store read them with the listing if it did.</summary>
    public IReadOnlyList<SourceRef> ForListing(DayEntry entry) =>
        entry.Cited ?? Of(DayListing.CitedDocuments(entry.Event.Mentions.Select(m => (m.DocumentId, m.Date, m.EndDate)), entry.ListedDate));
}
