using System.Diagnostics;
using System.Text.RegularExpressions;
using Almanac.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almanac.Events.Tests;

public sealed class NonEventsTests
{
    // The patterns as RegexOptions.NonBacktracking ran them before they were source-generated; the verdicts must not change.
    private static readonly (Regex Generated, Regex Automaton)[] Patterns =
    [
        (NonEvents.Byline(), Automaton(NonEvents.BylinePattern)),
        (NonEvents.Caption(), Automaton(NonEvents.CaptionPattern)),
        (NonEvents.Bibliography(), Automaton(NonEvents.BibliographyPattern)),
    ];

    [Theory]
    [InlineData("By Jane Porter, updated March 3, 2021", NonEventKind.Byline)]
    [InlineData("Published: 4 June 1989", NonEventKind.Byline)]
    [InlineData("(Photo: AP, June 4, 1956)", NonEventKind.Caption)]
    [InlineData("Smith, J. The Long Peace. Oxford University Press, 1987.", NonEventKind.Bibliography)]
    [InlineData("Retrieved on 4 June 2019.", NonEventKind.Bibliography)]
    public void Of_ANonEventSentence_SaysWhichKind(string sentence, NonEventKind kind) =>
        Assert.Equal(kind, NonEvents.Of(sentence, "2021"));

    [Fact]
    public void Of_ASentenceTellingAHappening_IsNull() =>
        Assert.Null(NonEvents.Of("By 4 June 1989 the army had cleared Tiananmen Square.", "4 June 1989"));

    [Fact]
    public void Patterns_OnTheLinesAndSentencesOfRealPages_MatchAsTheNonBacktrackingAutomataDo()
    {
        // The seeds and the real pages as saved, and their raw captures (bylines, captions and all).
        var texts = new[] { SharedFolder.Seeds, SharedFolder.Corpus("real-pages") }
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(file => Path.GetExtension(file) is ".txt" or ".json")
            .Select(File.ReadAllText);
        var pieces = texts.SelectMany(t => t.Split('\n')).SelectMany(line => line.Split(". ").Append(line)).Distinct().ToList();
        Assert.True(pieces.Count > 1_000, $"only {pieces.Count} lines and sentences read");
        var matched = 0;
        foreach (var piece in pieces)
        {
            foreach (var (generated, automaton) in Patterns)
            {
                var expected = automaton.IsMatch(piece);
                Assert.True(expected == generated.IsMatch(piece), $"{generated} on '{piece}': the automaton says {expected}");
                matched += expected ? 1 : 0;
            }
        }
        // Few real sentences are non-events; the property below compares sentences made of the patterns' own words.
        Assert.True(matched > 0, "no piece matched: the comparison says nothing");
    }

    [Property(MaxTest = 500)]
    public Property Patterns_OnSentencesOfTheirOwnWords_MatchAsTheNonBacktrackingAutomataDo() =>
        Prop.ForAll(Gen.Choose(0, 24).ToArbitrary(), Gen.Choose(0, 100_000).ToArbitrary(), (length, seed) =>
        {
            var random = new Random(seed);
            string[] words = ["By", "by", "Jane", "PORTER", "o'Neil", "Zoë", "and", "updated", "Published", "first", "last", "modified",
                ",", "|", "–", ":", "(", ")", "Photo", "photos", "credit", "Getty", "Images", "ISBN", "pp.", "vol.", "5", "1987", "(1987)",
                "eds.", "University", "Press", "Publishing", "retrieved", "on", "accessed", "Smith,", "J.", ".", "the", "war", " ", "\n"];
            var sentence = string.Concat(Enumerable.Range(0, length).Select(_ => words[random.Next(words.Length)] + (random.Next(3) == 0 ? "" : " ")));
            return Patterns.All(p => p.Generated.IsMatch(sentence) == p.Automaton.IsMatch(sentence));
        });

    [Theory]
    [InlineData("By ", "Aa ", 50_000)]
    [InlineData("", "Smith, J. (", 20_000)]
    [InlineData("", "photo by ", 20_000)]
    [InlineData("By Jane ", "-'.", 100_000)]
    public void Of_AHostileSentence_ReturnsWithinItsBound(string head, string repeated, int times)
    {
        var sentence = head + string.Concat(Enumerable.Repeat(repeated, times)) + " 1956";
        var clock = Stopwatch.StartNew();

        NonEvents.Of(sentence, "1956");

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    private static Regex Automaton(string pattern) => new(pattern, NonEvents.Options | RegexOptions.NonBacktracking);
}
