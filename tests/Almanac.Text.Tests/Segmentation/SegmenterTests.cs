using Almanac.Core;

namespace Almanac.Text.Tests.Segmentation;

public class SegmenterTests
{
    private static string[] Sentences(string text, BlockKind kind = BlockKind.Paragraph) =>
        Segmenter.Split(new ReadDocument("a.txt", "t", [new TextBlock(kind, text)])).Select(s => s.Text).ToArray();

    [Theory]
    [InlineData("Khrushchev’s secret speech (Feb. 24–25, 1956), in Russian history, denounced Stalin. It shocked many.")]
    [InlineData("It was made by Nikita S. Khrushchev to a closed session. It shocked many.")]
    [InlineData("Peoples were deported (e.g., the Karachay and the Chechen) during the war. It shocked many.")]
    [InlineData("The press was printed c. 1450 in Mainz. It shocked many.")]
    [InlineData("The U.S. State Department received a copy. It shocked many.")]
    [InlineData("Mr. Dulles and Dr. Zhivago met at St. Petersburg. It shocked many.")]
    [InlineData("See vol. 3, p. 12 and No. 5 of the series. It shocked many.")]
    [InlineData("Stalin (d. 1953) was succeeded by a triumvirate. It shocked many.")]
    [InlineData("The speech was secret (Not until 1989 was it printed. It was read aloud.) for decades. It shocked many.")]
    public void Split_Abbreviations_DoNotEndSentences(string text)
    {
        var sentences = Sentences(text);
        Assert.Equal(2, sentences.Length);
        Assert.Equal("It shocked many.", sentences[1]);
    }

    [Theory]
    [InlineData("Stalin died in 1953. Khrushchev rose.", 2)]
    [InlineData("Was it secret? Yes! It was read aloud.", 3)]
    [InlineData("He said “It is over.” Then he left.", 2)]
    [InlineData("The thaw began… Then it ended.", 2)]
    [InlineData("In the speech. he mentioned Lenin.", 1)]
    [InlineData("Answer by Mac\nKhrushchev’s secret speech", 2)]
    [InlineData("What happened\ntoday in history?", 1)]
    [InlineData("The answer was no. Then he left.", 2)]
    [InlineData("He wrote the pamphlet What is the Third Estate? (Qu'est-ce que le tiers état?), published in 1789. It sold well.", 2)]
    [InlineData("Was it secret? (It was read aloud.) Nobody knows.", 3)]
    public void Split_SentenceEnds_AreFound(string text, int count)
    {
        Assert.Equal(count, Sentences(text).Length);
    }

    [Fact]
    public void Split_Heading_IsOneSentence()
    {
        Assert.Equal(["Fun Fact. More! Words?"], Sentences("  Fun Fact. More! Words?  ", BlockKind.Heading));
    }

    [Fact]
    public void Split_Offsets_PointIntoDocumentText()
    {
        var document = new ReadDocument("a.txt", "t",
        [
            new TextBlock(BlockKind.Heading, "The Secret Speech"),
            new TextBlock(BlockKind.Paragraph, "It was given in 1956. It was secret."),
            new TextBlock(BlockKind.ListItem, "Poland, June 1956."),
        ]);

        var sentences = Segmenter.Split(document);

        Assert.Equal(
            [
                new Sentence(0, 17, "The Secret Speech", 0, BlockKind.Heading),
                new Sentence(19, 40, "It was given in 1956.", 1, BlockKind.Paragraph),
                new Sentence(41, 55, "It was secret.", 1, BlockKind.Paragraph),
                new Sentence(57, 75, "Poland, June 1956.", 2, BlockKind.ListItem),
            ],
            sentences);
        Assert.All(sentences, s => Assert.Equal(s.Text, document.Text[s.Start..s.End]));
    }

    [Fact]
    public void Split_Seed000_KeepsTheDateInOneSentence()
    {
        var sentences = Segmenter.Split(Seeds.Read("001"));
        var sentence = Assert.Single(sentences, s => s.Text.Contains("Feb. 24–25, 1956", StringComparison.Ordinal));
        Assert.EndsWith("Communist Party of the Soviet Union.", sentence.Text);
    }
}
