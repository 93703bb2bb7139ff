using Almanac.Core;

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

    private static SourceDocument Document(string id, string text) => new(id, id + ".txt", id, text, text.Length);

    private static string Filler(string theme, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(i => $"{theme}{i % 37} word{i}"));
}
