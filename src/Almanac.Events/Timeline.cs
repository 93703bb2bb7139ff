using Almanac.Core;

namespace Almanac.Events;

/// <summary>A person's timeline: the events whose people include them, oldest first.</summary>
public static class Timeline
{
    /// <summary>The events naming a person whose name contains every word of <paramref name="name"/> (any case), in date order.</summary>
    public static IReadOnlyList<HistoricalEvent> Of(IEnumerable<HistoricalEvent> candidates, string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return candidates
            .Where(e => words.Length > 0 && e.People.Any(p => words.All(w => p.Contains(w, StringComparison.OrdinalIgnoreCase))))
            .OrderBy(e => e.Date).ThenBy(e => e.Title, StringComparer.Ordinal)
            .ToList();
    }
}
