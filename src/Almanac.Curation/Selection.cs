using Almanac.Core;
using Almanac.Storage;

namespace Almanac.Curation;

/// <summary>An event chosen for a day's "selected" list: <see cref="Why"/> in a reader's words, the figures behind it in <see cref="Score"/>.</summary>
public sealed record SelectedEvent(DayEntry Entry, string Why, SelectionScore Score);

/// <summary>
/// The figures the rule used to choose an event, for clients that want them (the API's JSON): its place among the day's
/// candidates by significance, the score, how many documents and independent lineages report it, and the anniversary.
/// </summary>
public sealed record SelectionScore(int Rank, int Candidates, double Significance, int Sources, int IndependentSources, int YearsAgo, bool RoundAnniversary, bool ForEraMix);

/// <summary>
/// The rule for a day's "selected" events (about five): the day's events are ranked by significance
/// first, then by whether the year is a round anniversary (a multiple of 25 years for events more
/// than a century ago, of 10 for recent ones), then oldest first; then they are taken in that order
/// with at most two from one century while other centuries remain, so the list mixes eras; any
/// places left are filled in rank order. Births, deaths and holidays are not candidates. Each choice says why in words
/// (<see cref="Reason"/>); the figures stay in <see cref="SelectionScore"/>.
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

        return chosen.Select(entry =>
        {
            var rank = ranked.IndexOf(entry) + 1;
            var years = currentYear - entry.ListedDate.Year;
            // Below the first Count by rank, it can only have been taken because its century was not yet on the list.
            var forEraMix = rank > Count;
            var score = new SelectionScore(rank, ranked.Count, entry.Event.Significance, entry.Event.SourceCount,
                IndependentSources(entry.Event), years, IsRoundAnniversary(entry.ListedDate.Year, currentYear), forEraMix);
            return new SelectedEvent(entry, Reason(score, entry.ListedDate.Year), score);
        }).ToList();
    }

    /// <summary>A multiple of 25 years for events more than a century ago, of 10 for recent ones.</summary>
    public static bool IsRoundAnniversary(int year, int currentYear)
    {
        var age = currentYear - year;
        if (age <= 0)
            return false;
        return age > 100 ? age % 25 == 0 : age % 10 == 0;
    }

    /// <summary>
    /// Why the event is on the list, as a reader would say it: who reports it ("reported by 3 independent sources"), whether it
    /// leads the day, a round anniversary ("50 years ago today") and the era it brings to the mix. No scores: those are in <see cref="SelectionScore"/>.
    /// </summary>
    public static string Reason(SelectionScore score, int year)
    {
        var reasons = new List<string> { Reports(score) };
        if (score.Rank == 1 && score.Candidates > 1)
            reasons.Add("the day's most significant event");
        if (score.RoundAnniversary)
            reasons.Add(FormattableString.Invariant($"{score.YearsAgo} years ago today"));
        if (score.ForEraMix)
            reasons.Add($"chosen to include {DateDisplay.Century(year)}");
        var text = string.Join("; ", reasons);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Reports(SelectionScore score)
    {
        var copies = score.Sources - score.IndependentSources;
        var independent = score.IndependentSources == 1
            ? "reported by one source"
            : FormattableString.Invariant($"reported by {score.IndependentSources} independent sources");
        return copies switch
        {
            <= 0 => independent,
            1 => independent + " and one copy of them",
            _ => FormattableString.Invariant($"{independent} and {copies} copies of them"),
        };
    }

    /// <summary>
    /// The copy lineages behind the event's dates: documents that copy each other count once. Each claim counts its own
    /// lineages, so their sum can exceed the documents only if one lineage gives two dates; the document count caps it.
    /// </summary>
    private static int IndependentSources(HistoricalEvent e) =>
        e.DateClaims.Count == 0 ? e.SourceCount : Math.Clamp(e.DateClaims.Sum(c => c.Lineages), 1, Math.Max(1, e.SourceCount));

    /// <summary>The century as an ordinal on the astronomical timeline: 1901–2000 is 20, 1 BC–100 BC is -1.</summary>
    private static int Century(int year) => year > 0 ? (year - 1) / 100 + 1 : -((-year) / 100 + 1);
}
