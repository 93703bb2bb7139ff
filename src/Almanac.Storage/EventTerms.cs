using Almanac.Core;

namespace Almanac.Storage;

/// <summary>What both stores check of a lookup in their index of events by term (<see cref="IAlmanacStore.FindEventsSharingTerms"/>).</summary>
internal static class EventTerms
{
    /// <summary>Refuses ranges of days: events are not filed under their terms by day (a day's events are few; see the lookup).</summary>
    public static void CheckRanges(IReadOnlyList<EventKeyRange> ranges)
    {
        if (ranges.FirstOrDefault(r => r.Kind == EventKeyKind.Day) is { } day)
            throw new ArgumentException($"Events are not filed under their terms by day ({day}): look days up with FindEvents.", nameof(ranges));
    }
}
