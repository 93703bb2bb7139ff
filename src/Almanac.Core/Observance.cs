using NodaTime;

namespace Almanac.Core;

/// <summary>
/// A holiday or observance a document lists for a calendar day without a year ("International Workers' Day" under a
/// day page's Holidays): it belongs to the day every year, so it has an <see cref="AnnualDate"/>, not a
/// <see cref="HistoricalDate"/>, and is kept beside events rather than as one.
/// </summary>
public sealed record Observance(string DocumentId, AnnualDate Day, string Name)
{
    /// <summary>
    /// A day's holidays as a reader sees them: one line per holiday, however many documents list it (named alike,
    /// case and spacing aside), with those documents, in the order they were first listed.
    /// </summary>
    public static IReadOnlyList<DayObservance> OfDay(IEnumerable<Observance> observances) =>
        observances.GroupBy(o => Key(o.Name), StringComparer.Ordinal)
            .Select(g => new DayObservance(g.First().Name, g.Select(o => o.DocumentId).Distinct(StringComparer.Ordinal).ToList()))
            .ToList();

    private static string Key(string name) =>
        string.Join(' ', name.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A holiday of a day, every year, with the documents that list it.</summary>
public sealed record DayObservance(string Name, IReadOnlyList<string> DocumentIds);
