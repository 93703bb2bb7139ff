using Almanac.TestSupport;
using System.Text.RegularExpressions;
using Almanac.Core;
using Almanac.Temporal.TimeMl;

namespace Almanac.Temporal.Tests.TimeMl;

public sealed class TimeMlDocumentTests
{
    private const string Sample =
        "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>\n" +
        "<TEXT>\nProfits <EVENT eid=\"e1\" class=\"OCCURRENCE\">fell</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1997\">last year</TIMEX3> at AT&amp;T, " +
        "and <EVENT eid=\"e2\" class=\"OCCURRENCE\">rose</EVENT> on Feb. 24, 1956.\n</TEXT>\n</TimeML>\n";

    [Fact]
    public void TryParse_TimeMl_ReadsCreationDateGoldAndPlainText()
    {
        Assert.True(TimeMlDocument.TryParse(Sample, out var document, out _));

        Assert.Equal(HistoricalDate.OnDay(1998, 1, 8), document!.CreationDate);
        var gold = Assert.Single(document.Gold);
        Assert.Equal(("last year", "1997"), (gold.Text, gold.Value));
        Assert.Equal("last year", document.PlainText[gold.Start..gold.End]);
        Assert.DoesNotContain('<', document.PlainText);
    }

    [Fact]
    public void TryParse_NoTextSection_ReportsError()
    {
        Assert.False(TimeMlDocument.TryParse("<TimeML></TimeML>", out _, out var error));
        Assert.Contains("TEXT", error);
    }

    [Fact]
    public void WithTimexes_Sample_InsertsOurTagsAndKeepsEverythingElse()
    {
        TimeMlDocument.TryParse(Sample, out var document, out _);
        var timexes = TemporalTagger.Default.TagForTimeMl(document!.PlainText, new TaggingContext(document.CreationDate, AnchorMode.News));

        var output = document.WithTimexes(timexes);

        Assert.Contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1997\">last year</TIMEX3>", output);
        Assert.Contains("<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1956-02-24\">Feb. 24, 1956</TIMEX3>", output);
        Assert.Contains("AT&amp;T", output);
        Assert.Equal(WithoutTextTimexes(Sample), WithoutTextTimexes(output));
    }

    [Fact]
    public void WithTimexes_SpanAcrossAnotherTag_IsLeftOut()
    {
        TimeMlDocument.TryParse(Sample, out var document, out _);
        var start = document!.PlainText.IndexOf("fell", StringComparison.Ordinal);
        var across = new Timex(start - 2, start + 2, document.PlainText[(start - 2)..(start + 2)], TimexType.Date, "XXXX");

        var output = document.WithTimexes([across]);

        Assert.Equal(WithoutTextTimexes(Sample), output);
    }

    /// <summary>Every corpus document survives a round trip: our output minus our tags is the input minus its answers.</summary>
    [Fact]
    public void WithTimexes_CorpusDocuments_RoundTripByteForByte()
    {
        var corpus = SharedFolder.Corpus("timebank");
        var files = Directory.GetFiles(corpus, "*.tml");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var raw = File.ReadAllText(file);
            Assert.True(TimeMlDocument.TryParse(raw, out var document, out _), file);
            var output = document!.WithTimexes(TemporalTagger.Default.TagForTimeMl(document.PlainText, new TaggingContext(document.CreationDate, AnchorMode.News)));
            Assert.Equal(WithoutTextTimexes(raw), WithoutTextTimexes(output));
        }
    }

    [Fact]
    public void TagForTimeMl_Range_IsItsTwoEnds()
    {
        var timexes = TemporalTagger.Default.TagForTimeMl("purges in Leningrad (1948–50; see below)", new TaggingContext());

        Assert.Equal([("1948", "1948"), ("50", "1950")], timexes.Select(t => (t.Text, t.Value)));
    }

    [Fact]
    public void TagForTimeMl_DayRange_SplitsBeforeTheEndDay()
    {
        var timexes = TemporalTagger.Default.TagForTimeMl("(Feb. 24–25, 1956)", new TaggingContext());

        Assert.Equal([("Feb. 24", "1956-02-24"), ("25, 1956", "1956-02-25")], timexes.Select(t => (t.Text, t.Value)));
    }

    private static string WithoutTextTimexes(string timeMl)
    {
        var open = timeMl.IndexOf("<TEXT>", StringComparison.Ordinal);
        var close = timeMl.IndexOf("</TEXT>", StringComparison.Ordinal);
        return timeMl[..open] + Regex.Replace(timeMl[open..close], "</?TIMEX3[^>]*>", "") + timeMl[close..];
    }
}
