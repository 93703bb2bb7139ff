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

    [Property(MaxTest = 200)]
    public Property Fingerprints_AreTheSmallestShingleHashOfEveryWindow() =>
        Prop.ForAll(Gen.Choose(0, 120).ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(), (length, seed) =>
        {
            // Few distinct words, so equal shingles (and so ties) are common; mixed case, punctuation and apostrophes.
            var random = new Random(seed);
            string[] vocabulary = ["The", "war", "ENDED", "in", "Rome's", "1945", "—", "well-known", "Zürich", "ünd"];
            var text = string.Join(' ', Enumerable.Range(0, length).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
            return CopyDetector.Fingerprints(text).Order().SequenceEqual(PlainFingerprints(text).Order());
        });

    [Property(MaxTest = 200)]
    public Property MayCopyAny_IsTrueForEveryPairDetectMakesOneLineage() =>
        Prop.ForAll(Gen.Choose(0, 60).ToArbitrary(), Gen.Choose(0, 300).Two().Select(p => (p.Item1, p.Item2)).ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(),
            (passageShingles, lengths, seed) =>
            {
                var passage = Words("passage", passageShingles + CopyDetector.ShingleWords - 1, seed);
                var a = Document("a", $"{Words("before", lengths.Item1, seed)} {passage} {Words("after", lengths.Item2, seed)}");
                var b = Document("b", $"{Words("other", lengths.Item2, seed)} {passage}");
                var copies = CopyDetector.Detect([a, b]).Count == 1;
                return (!copies || CopyDetector.MayCopyAny(a.Text, [b.Text])).Label($"copies {copies}");
            });

    [Fact]
    public void MayCopyAny_Seeds_OnlyTheReproducedEncyclopediaText()
    {
        foreach (var document in seeds.Documents)
        {
            var others = seeds.Documents.Where(d => d.Id != document.Id).ToList();
            var copied = CopyDetector.Detect(seeds.Documents).Single(l => l.DocumentIds.Contains(document.Id)).DocumentIds.Count > 1;
            Assert.Equal(copied, CopyDetector.MayCopyAny(document.Text, others.Select(d => d.Text)));
        }
    }

    [Fact]
    public void MayCopyAny_SharedQuotation_IsFalse()
    {
        const string quote = "Any fool can start a war, and once he has done so, even the wisest of men are helpless to stop it.";
        Assert.False(CopyDetector.MayCopyAny("An essay on the Cuban crisis. " + quote + " " + Filler("missiles", 200), ["A lecture about arms control. " + quote + " " + Filler("treaties", 200)]));
    }

    /// <summary>Winnowing as defined: the 64-bit FNV-1a hash of each shingle's lower-cased words joined by spaces, and the smallest in every window.</summary>
    private static HashSet<long> PlainFingerprints(string text)
    {
        var words = System.Text.RegularExpressions.Regex.Matches(text, @"[\p{L}\p{Nd}]+(?:['’-][\p{L}][\p{L}\p{Nd}]*)*", System.Text.RegularExpressions.RegexOptions.NonBacktracking).Select(m => m.Value.ToLowerInvariant()).ToArray();
        var hashes = Enumerable.Range(0, Math.Max(0, words.Length - CopyDetector.ShingleWords + 1)).Select(i =>
        {
            var hash = 14695981039346656037;
            foreach (var c in string.Join(' ', words, i, CopyDetector.ShingleWords))
                hash = unchecked((hash ^ c) * 1099511628211);
            return unchecked((long)hash);
        }).ToArray();
        var window = Math.Min(CopyDetector.FingerprintWindow, hashes.Length);
        var selected = new HashSet<long>();
        for (var start = 0; window > 0 && start + window <= hashes.Length; start++)
            selected.Add(hashes[start..(start + window)].Min());
        return selected;
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
