using System.Diagnostics;
using System.Text;
using Almanac.Events;
using Almanac.Temporal;
using Almanac.Text;
using Xunit.Abstractions;

namespace Almanac.Robustness.Tests;

/// <summary>
/// Inputs built to make a backtracking regular expression or a per-position scan blow up, each run through the whole
/// text pipeline (read, segment, tag, extract mentions) under a time bound. Each takes well under a second when all is
/// well; the bound leaves room for a loaded CI machine, and a regression to quadratic time overshoots it by far.
/// </summary>
public sealed class RegexTimeBoundTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    static RegexTimeBoundTests() => TemporalTagger.Default.Tag("On 4 June 1956.", new TaggingContext());

    public static TheoryData<string> Adversaries => new()
    {
        "digits", "spaces", "letters-then-bang", "months", "month-day-pairs", "spaced-digits", "dashed-digits",
        "dotted-abbreviations", "open-parentheses", "years-and-bc", "commas", "ranges", "decades", "newlines",
    };

    /// <summary>Each text starts with a word, so a sentence never starts at offset 0 (see <see cref="CrashRegressionTests"/>).</summary>
    private static string Build(string name) => "Text: " + name switch
    {
        "digits" => new string('7', 100_000),
        "spaces" => "On 4 June 1956" + new string(' ', 100_000) + "x",
        "letters-then-bang" => new string('a', 100_000) + "!",
        "months" => Repeat("June ", 20_000),
        "month-day-pairs" => Repeat("June 4, ", 12_000),
        "spaced-digits" => Repeat("1 ", 50_000),
        "dashed-digits" => Repeat("19-", 33_000) + "x",
        "dotted-abbreviations" => Repeat("Feb. c. U.S. ", 8_000),
        "open-parentheses" => Repeat("(1956 ", 16_000),
        "years-and-bc" => Repeat("1956 BC ", 12_000) + "AD",
        "commas" => Repeat("25 February, ", 7_000) + "1956",
        "ranges" => Repeat("1948–", 20_000) + "50",
        "decades" => Repeat("the mid-1930s and ", 5_000),
        "newlines" => Repeat("On 4 June 1956\n", 6_000),
        _ => throw new ArgumentException(name),
    };

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    [Theory]
    [MemberData(nameof(Adversaries))]
    public void Pipeline_AdversarialText_FinishesWithinTheBound(string name)
    {
        var text = Build(name);
        var watch = Stopwatch.StartNew();

        var read = DocumentReader.Read(name + ".txt", Encoding.UTF8.GetBytes(text));
        var mentions = 0;
        if (read.IsSuccess)
        {
            var sentences = Segmenter.Split(read.Document);
            var timexes = TemporalTagger.Default.Tag(read.Document.Text, new TaggingContext());
            mentions = MentionExtractor.Extract(new DocumentAnalysis(read.ContentHash, read.Document, sentences, timexes)).Count;
        }
        var tagged = TemporalTagger.Default.Tag(text, new TaggingContext()).Count;

        output.WriteLine($"{name}: {text.Length} chars, {tagged} timexes, {mentions} mentions in {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < Bound, $"{name} took {watch.Elapsed}");
    }
}
