using Almanac.Core;
using Almanac.Storage;

namespace Almanac.Web;

/// <summary>What the search and timeline pages and their API share: a bounded query, matched events and documents.</summary>
public static class Timelines
{
    public const int MaxResults = 200;

    /// <summary>Null when the query is acceptable, else the reason it is not.</summary>
    public static string? Problem(string? query) =>
        string.IsNullOrWhiteSpace(query) ? "the query q is empty; give words to look for, for example q=Khrushchev"
        : query.Length > SearchQuery.MaxLength ? $"the query q is {query.Length} characters long; at most {SearchQuery.MaxLength} are allowed"
        : null;

    /// <summary>The events a query matches, in the order they happened.</summary>
    public static IReadOnlyList<HistoricalEvent> Timeline(IAlmanacStore store, string query) =>
        store.SearchEvents(query, MaxResults).OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
}
