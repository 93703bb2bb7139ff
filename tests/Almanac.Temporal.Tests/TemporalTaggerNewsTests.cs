using Almanac.Core;

namespace Almanac.Temporal.Tests;

/// <summary>
/// The error classes of issue 15 (weekday tense, ages, frequency words, holidays, granularity) as
/// sentences written for them (Cases/news.txt), a development measure beside the corpora.
/// </summary>
public sealed class TemporalTaggerNewsTests
{
    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Cases", "news.txt")))
        {
            if (line.Trim().Length == 0 || line.StartsWith('#'))
                continue;
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            data.Add(parts[0], parts[1], parts[2], parts[3]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tag_NewsErrorClassSentence_GivesExpectedValue(string context, string sentence, string expression, string expected)
    {
        var timexes = TemporalTagger.Default.Tag(sentence, Context(context));
        var start = sentence.IndexOf(expression, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{expression}' is not in '{sentence}'");

        if (expected == "none")
        {
            Assert.DoesNotContain(timexes, t => t.Start < start + expression.Length && start < t.End);
            return;
        }
        var timex = timexes.FirstOrDefault(t => t.Start == start && t.Text == expression);
        Assert.True(timex is not null, $"'{expression}' not tagged whole; tagged: {string.Join(", ", timexes.Select(t => t.Text))}");
        ExpectedValue.Check(expected, timex);
    }

    private static TaggingContext Context(string text)
    {
        if (text == "narrative")
            return new TaggingContext();
        var words = text.Split(' ');
        Assert.True(words is ["news", _] && HistoricalDate.TryParseTimex(words[1], out _), $"context '{text}' is neither 'narrative' nor 'news YYYY-MM-DD'");
        HistoricalDate.TryParseTimex(words[1], out var date);
        return new TaggingContext(date, AnchorMode.News);
    }
}
