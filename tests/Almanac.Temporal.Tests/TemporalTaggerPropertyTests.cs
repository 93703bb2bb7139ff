using Almanac.Core;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almanac.Temporal.Tests;

public sealed class TemporalTaggerPropertyTests
{
    /// <summary>Text built from date-like fragments, so the rules actually fire on the generated input.</summary>
    private static readonly string[] Fragments =
    [
        "June", "4", ",", "1956", "–", "50", " ", "the", "mid-", "1930s", "(", ")", "Feb.", "24", "BC", "c.", "last", "year",
        "between", "and", "3", "p.m.", "century", "third", "quarter", "ago", "two", "weeks", "\n", "’", "30s", "O.S.", "9999", "0",
    ];

    private static Arbitrary<string> DateLikeText() =>
        Gen.Elements(Fragments).ListOf().Select(parts => string.Concat(parts)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Tag_AnyText_SpansAreInsideSortedAndDisjoint() =>
        Prop.ForAll(DateLikeText(), ArbMap.Default.ArbFor<bool>(), (text, news) =>
        {
            var context = new TaggingContext(HistoricalDate.OnDay(1998, 1, 8), news ? AnchorMode.News : AnchorMode.Narrative);
            var timexes = TemporalTagger.Default.Tag(text, context);
            var previousEnd = 0;
            foreach (var t in timexes)
            {
                if (t.Start < previousEnd || t.End <= t.Start || t.End > text.Length || text[t.Start..t.End] != t.Text)
                    return false;
                previousEnd = t.End;
            }
            return true;
        });

    [Property(MaxTest = 200)]
    public Property Tag_ArbitraryUnicode_NeverThrows() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            _ = TemporalTagger.Default.Tag(text ?? "", new TaggingContext());
            return true;
        });

    [Property(MaxTest = 300)]
    public Property Tag_DateValue_RoundTripsThroughTimex() =>
        Prop.ForAll(DateLikeText(), text =>
            TemporalTagger.Default.Tag(text, new TaggingContext(HistoricalDate.OnDay(1998, 1, 8), AnchorMode.News))
                .Where(t => t.Date is { Calendar: CalendarKind.Gregorian })
                .All(t => HistoricalDate.TryParseTimex(t.Date!.Value.ToTimex(), out var parsed) && parsed.ToTimex() == t.Date.Value.ToTimex()));
}
