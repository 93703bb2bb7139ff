using Almanac.Core;

namespace Almanac.Temporal.Tests;

public sealed class TemporalTaggerHistoricalTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Cases", "historical.txt")))
        {
            if (line.Trim().Length == 0 || line.StartsWith('#'))
                continue;
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            data.Add(parts[0], parts[1], parts[2]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tag_HistoricalSentence_GivesExpectedValue(string sentence, string expression, string expected)
    {
        var timexes = TemporalTagger.Default.Tag(sentence, new TaggingContext());

        var timex = timexes.FirstOrDefault(t => t.Text == expression);

        Assert.True(timex is not null, $"'{expression}' not tagged; tagged: {string.Join(", ", timexes.Select(t => t.Text))}");
        ExpectedValue.Check(expected, timex);
    }

    [Fact]
    public void Tag_OldStyleDate_KeepsJulianDateAndGivesGregorianValue()
    {
        var timex = TemporalTagger.Default.Tag("on 25 October 1917 (O.S.)", new TaggingContext()).Single();

        Assert.Equal(CalendarKind.Julian, timex.Date!.Value.Calendar);
        Assert.Equal("1917-10-25", timex.Date.Value.ToTimex());
        Assert.Equal("1917-11-07", timex.Value);
    }

    [Fact]
    public void Tag_DateBeforeGregorianReform_IsJulianAsStated()
    {
        var timex = TemporalTagger.Default.Tag("Constantinople fell on 29 May 1453.", new TaggingContext()).Single();

        Assert.Equal("1453-05-29", timex.Value);
        Assert.Equal(CalendarKind.Julian, timex.Date!.Value.Calendar);
    }
}
