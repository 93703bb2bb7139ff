using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almanac.Events.Tests;

public sealed class UnplacedDaysSpansTests
{
    private static readonly Gen<(int Start, int End)> Span =
        from start in Gen.Choose(0, 60)
        from length in Gen.Choose(0, 12)
        select (start, start + length);

    [Property(MaxTest = 500)]
    public Property Overlap_AnyRange_IsWhetherSomeSpanOverlapsIt() =>
        Prop.ForAll(Span.ListOf().ToArbitrary(), Span.ToArbitrary(), (spans, range) =>
            new UnplacedDays.Spans(spans).Overlap(range.Start, range.End) == spans.Any(s => s.Start < range.End && range.Start < s.End));
}
