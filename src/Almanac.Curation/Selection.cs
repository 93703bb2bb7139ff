using Almanac.Core;
using Almanac.Storage;

namespace Almanac.Curation;

/// <summary>An event chosen for a day's "selected" list, with the reasons a reader is shown.</summary>
public sealed record SelectedEvent(DayEntry Entry, string Why);

/// <summary>
/// The rule for a day's "selected" events (about five): the day's events are ranked by significance
/// first, then by whether the year is a round anniversary (a multiple of 25 years for events more
/// than a century ago, of 10 for recent ones), then oldest first; then they are taken in that order
/// with at most two from one century while other centuries remain, so the list mixes eras; any
/// places left are filled in rank order. Births, deaths and holidays are not candidates.
/// </summary>
public static class Selection
{
    public const int Count = 5;
    private const int PerCenturyFirstPass = 2;

    public static IReadOnlyList<SelectedEvent> Select(IReadOnlyList<DayEntry> day, int currentYear)
    {
        var ranked = day
            .Where(e => e.Event.Kind == MentionKind.Event)
            .DistinctBy(e => e.Event.Id)
            .OrderByDescending(e => e.Event.Significance)
            .ThenByDescending(e => IsRoundAnniversary(e.ListedDate.Year, currentYear))
            .ThenBy(e => e.ListedDate.Year)
            .ToList();
        var chosen = new List<DayEntry>();
        var perCentury = new Dictionary<int, int>();
        foreach (var entry in ranked)
        {
            if (chosen.Count == Count)
                break;
            var century = Century(entry.ListedDate.Year);
            if (perCentury.GetValueOrDefault(century) >= PerCenturyFirstPass)
                continue;
            perCentury[century] = perCentury.GetValueOrDefault(century) + 1;
            chosen.Add(entry);
        }
        foreach (var entry in ranked.Where(e => !chosen.Contains(e)).Take(Count - chosen.Count))
            chosen.Add(entry);

        var centuries = chosen.Select(e => Century(e.ListedDate.Year)).Distinct().Count();
        return chosen
            .Select(entry => new SelectedEvent(entry, Why(entry, ranked.IndexOf(entry) + 1, ranked.Count, currentYear, centuries)))
            .ToList();
    }

    /// <summary>A multiple of 25 years for events more than a century ago, of 10 for recent ones.</summary>
    public static bool IsRoundAnniversary(int year, int currentYear)
    {
        var age = currentYear - year;
        if (age <= 0)
            return false;
        return age > 100 ? age % 25 == 0 : age % 10 == 0;
    }

    private static string Why(DayEntry entry, int rank, int candidates, int currentYear, int centuries)
    {
        var e = entry.Event;
        var sources = e.DocumentIds.Count;
        var reasons = new List<string>
        {
            FormattableString.Invariant(
                $"ranked {rank} of {candidates} by significance ({e.Significance:0.00}, from {sources} source{(sources == 1 ? "" : "s")})"),
        };
        if (IsRoundAnniversary(entry.ListedDate.Year, currentYear))
            reasons.Add(FormattableString.Invariant($"a round anniversary: {currentYear - entry.ListedDate.Year} years in {currentYear}"));
        if (centuries > 1)
            reasons.Add($"represents {DateDisplay.Century(entry.ListedDate.Year)} in a mix of {centuries} centuries");
        return string.Join("; ", reasons);
    }

    /// <summary>The century as an ordinal on the astronomical timeline: 1901–2000 is 20, 1 BC–100 BC is -1.</summary>
    private static int Century(int year) => year > 0 ? (year - 1) / 100 + 1 : -((-year) / 100 + 1);
}
