using Almanac.Core;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almanac.Events.Tests;

public sealed class CopyDetectorTests(SeedPipeline seeds) : IClassFixture<SeedPipeline>
{
    [Fact]
    public void Detect_Seeds_EncyclopediaCopiesAreOneLineage()
    {
        var lineages = CopyDetector.Detect(seeds.Documents);
        Assert.Equal(4, lineages.Count);
        var shared = Assert.Single(lineages, l => l.DocumentIds.Count > 1);
        Assert.Equal(new[] { seeds.IdOf("000"), seeds.IdOf("001") }.Order(StringComparer.Ordinal), shared.DocumentIds);
        Assert.Contains(shared.Passages, p => p.Text.Contains("Lenin’s Testament, a long-suppressed document", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_SharedQuotation_KeepsEssaysApart()
    {
        const string quote = "Any fool can start a war, and once he has done so, even the wisest of men are helpless to stop it.";
        var a = Document("a", "An essay on the Cuban crisis. " + quote + " " + Filler("missiles", 200));
        var b = Document("b", "A lecture about arms control. " + quote + " " + Filler("treaties", 200));
        Assert.Equal(2, CopyDetector.Detect([a, b]).Count);
    }

    [Fact]
    public void Detect_Reproduction_IsTransitive()
    {
        var text = Filler("history", 120);
        var lineages = CopyDetector.Detect([Document("a", text), Document("b", "Copied: " + text), Document("c", text + " Copied again.")]);
        Assert.Equal(["a", "b", "c"], Assert.Single(lineages).DocumentIds);
    }

    [Property(MaxTest = 200)]
    public Property Fingerprints_TextsSharingAPassageAsLongAsACopysMustBe_ShareEnoughToBeCompared() =>
        Prop.ForAll(Gen.Choose(0, 400).Two().Select(p => (p.Item1, p.Item2)).ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(), (lengths, seed) =>
        {
            // Different words around the passage in each text, so only the passage is shared.
            var passage = Words("passage", CopyDetector.MinSharedShingles + CopyDetector.ShingleWords - 1, seed);
            var a = $"{Words("before", lengths.Item1, seed)} {passage} {Words("after", lengths.Item2, seed)}";
            var b = $"{Words("other", lengths.Item2, seed)} {passage} {Words("else", lengths.Item1, seed)}";
            return CopyDetector.Fingerprints(a).Intersect(CopyDetector.Fingerprints(b)).Count() >= CopyDetector.MinSharedFingerprints;
        });

    [Fact]
    public void Fingerprints_OfALongText_AreAFewOfItsShingles()
    {
        var text = Words("history", 5_000, seed: 7);
        var fingerprints = CopyDetector.Fingerprints(text).Count;
        // Winnowing keeps about 2 in (window + 1) shingles.
        Assert.InRange(fingerprints, 5_000 / CopyDetector.FingerprintWindow, 5_000 * 3 / (CopyDetector.FingerprintWindow + 1));
    }

    private static string Words(string theme, int count, int seed)
    {
        var random = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, count).Select(i => $"{theme}{random.Next(1_000)}x{i}"));
    }

    private static SourceDocument Document(string id, string text) => new(id, id + ".txt", id, text, text.Length);

    private static string Filler(string theme, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(i => $"{theme}{i % 37} word{i}"));
}
