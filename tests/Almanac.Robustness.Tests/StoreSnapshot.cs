using System.Globalization;
using System.Text;
using Almanac.Storage;

namespace Almanac.Robustness.Tests;

/// <summary>What a store holds, in a form two stores can be compared by: counts, mentions per document, and every day page.</summary>
public sealed record StoreSnapshot(StoreCounts Counts, IReadOnlyDictionary<string, int> MentionsPerDocument, int MentionsWithoutDocument, string DayPages)
{
    /// <summary>The snapshot of the store at <paramref name="location"/>, a SQLite file or a PostgreSQL connection string.</summary>
    public static StoreSnapshot Of(string location)
    {
        using var store = Almanac.Cli.StoreLocation.Open(location);
        var documents = store.GetDocuments();
        var perDocument = documents.ToDictionary(d => d.Id, _ => 0, StringComparer.Ordinal);
        var orphans = 0;
        foreach (var (_, mention, _) in store.GetMentions())
        {
            if (perDocument.TryGetValue(mention.DocumentId, out var count))
                perDocument[mention.DocumentId] = count + 1;
            else
                orphans++;
        }
        return new StoreSnapshot(store.GetCounts(), perDocument, orphans, DayPagesOf(store));
    }

    private static string DayPagesOf(IAlmanacStore store)
    {
        var pages = new StringBuilder();
        for (var month = 1; month <= 12; month++)
        {
            for (var day = 1; day <= DateTime.DaysInMonth(2000, month); day++)
            {
                foreach (var entry in store.GetEventsOnDay(month, day))
                {
                    var e = entry.Event;
                    pages.Append(CultureInfo.InvariantCulture, $"{month:00}-{day:00}\t{e.Id}\t{e.Title}\t{e.DateValue}\t{entry.ListedDate}\t{entry.IsPrimaryDate}\t")
                        .Append(CultureInfo.InvariantCulture, $"{e.Significance:R}\t{string.Join(',', e.DocumentIds.Order(StringComparer.Ordinal))}\t{e.Mentions.Count}\t")
                        .AppendJoin(';', e.DateClaims.Select(c => $"{c.Value}:{c.DocumentIds.Count}:{c.Lineages}"))
                        .Append('\n');
                }
            }
        }
        return pages.ToString();
    }
}
