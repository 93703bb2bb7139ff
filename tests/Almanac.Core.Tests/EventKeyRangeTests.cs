using Almanac.Core;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almanac.Core.Tests;

/// <summary>Joined key ranges cover the keys the ranges cover, and no range of the union overlaps or touches another of its kind.</summary>
public sealed class EventKeyRangeTests
{
    [Property(MaxTest = 300)]
    public Property Union_AnyRanges_CoversTheSameKeysInDisjointRanges() =>
        Prop.ForAll(Ranges().ToArbitrary(), ranges =>
        {
            var union = EventKeyRange.Union(ranges);
            var disjoint = union.Zip(union.Skip(1)).All(p => p.First.Kind != p.Second.Kind || (long)p.First.To + 1 < p.Second.From);
            return disjoint && Keys(union).SetEquals(Keys(ranges));
        });

    [Fact]
    public void Union_DayRangesOfADatesNeighbourhood_JoinIntoOneAndKeepOtherKindsApart()
    {
        var near = EventKeys.Near(new EventMention("doc", MentionKind.Event, HistoricalDate.OnDay(1956, 2, 25), null, "25 February 1956",
            "On 25 February 1956 Khrushchev spoke.", 0, 37, ["Nikita Khrushchev"], [], ["spoke"]));

        var union = EventKeyRange.Union(near);

        var day = EventKeys.DayKey(new NodaTime.LocalDate(1956, 2, 25));
        Assert.Equal([new EventKeyRange(EventKeyKind.Day, day - 2, day + 2)], union.Where(r => r.Kind == EventKeyKind.Day));
        Assert.Equal(near.Count - 4, union.Count);
    }

    private static HashSet<(EventKeyKind, long)> Keys(IEnumerable<EventKeyRange> ranges) =>
        ranges.SelectMany(r => Enumerable.Range(0, r.To - r.From + 1).Select(i => (r.Kind, (long)r.From + i))).ToHashSet();

    private static Gen<EventKeyRange[]> Ranges() =>
        (from kind in Gen.Elements(Enum.GetValues<EventKeyKind>())
         from first in Gen.Choose(-20, 20)
         from length in Gen.Choose(0, 6)
         select new EventKeyRange(kind, first, first + length)).ArrayOf();
}
