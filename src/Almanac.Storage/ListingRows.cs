using System.Text.Json;
using Almanac.Core;

namespace Almanac.Storage;

/// <summary>
/// A row of <see cref="IAlmanacStore.GetListingsOnDay"/> as both stores read it: the event's payload without the parts a listing
/// leaves out, and the mentions it shows as <c>[document, date, end date, document title]</c>, so the cited documents are worked out
/// here once (<see cref="DayListing.CitedDocuments"/>) without either store deserializing mentions or reading documents' texts.
/// </summary>
internal static class ListingRows
{
    /// <summary>The payload's members a listing leaves out: what only an event's own page shows (a payload holds no mentions, only their counts).</summary>
    public static readonly IReadOnlyList<string> LeftOut = ["summary", "why", "content", "aftermath", "relatedReading"];

    public static DayEntry Read(string listing, string listedDate, bool isPrimary, string mentions)
    {
        var listed = HistoricalDateJsonConverter.Parse(listedDate);
        var cites = JsonSerializer.Deserialize<string?[][]>(mentions) ?? [];
        var titles = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var cite in cites)
            titles[cite[0]!] = cite[3];
        var cited = DayListing.CitedDocuments(
            cites.Select(c => (c[0]!, HistoricalDateJsonConverter.Parse(c[1]!), c[2] is { } end ? HistoricalDateJsonConverter.Parse(end) : (HistoricalDate?)null)), listed);
        var e = JsonSerializer.Deserialize<HistoricalEvent>(listing, StoreJson.Options) ?? throw new InvalidDataException("stored event is empty");
        // Without their members in the payload, the lists would read back as null.
        e = e with { Mentions = [], Summary = [], Why = [], Content = [], Aftermath = [], RelatedReading = [] };
        return new DayEntry(e, listed, isPrimary) { Cited = cited.Select(id => SourceRef.Of(id, titles[id])).ToList() };
    }
}
