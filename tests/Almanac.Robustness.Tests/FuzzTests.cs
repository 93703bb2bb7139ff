using System.Diagnostics;
using Almanac.Core;
using Almanac.Temporal;
using Almanac.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almanac.Robustness.Tests;

/// <summary>
/// Properties over generated hostile input, each run for a fixed budget of cases. A case also fails when it takes
/// longer than <see cref="CaseLimit"/>: inputs are at most a few thousand characters, so anything slower is a
/// runaway regular expression or a quadratic walk.
/// </summary>
public sealed class FuzzTests
{
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(2);

    [Property(MaxTest = 2000, EndSize = 300)]
    public Property Tag_HostileText_NeverThrowsAndSpansAreInsideAndDisjoint() =>
        Prop.ForAll(Hostile.Text(), ArbMap.Default.ArbFor<bool>(), (text, news) =>
        {
            var context = news ? new TaggingContext(HistoricalDate.OnDay(1998, 1, 8), AnchorMode.News) : new TaggingContext();
            var timexes = TemporalTagger.Default.Tag(text, context);
            return SpansAreOrderedAndExact(text, timexes.Select(t => (t.Start, t.End, t.Text))) && InTime(() => TemporalTagger.Default.Tag(text, context));
        });

    [Property(MaxTest = 2000, EndSize = 300)]
    public Property Read_ArbitraryBytes_NeverThrowsAndExplainsEveryFailure() =>
        Prop.ForAll(Hostile.Bytes(), Hostile.DocumentPath(), (bytes, path) =>
        {
            return IsWellFormed(DocumentReader.Read(path, bytes)) && InTime(() => DocumentReader.Read(path, bytes));
        });

    [Property(MaxTest = 2000, EndSize = 300)]
    public Property Read_HtmlSoup_NeverThrowsAndSentencesHold() =>
        Prop.ForAll(Hostile.HtmlSoup(), Hostile.DocumentPath(), (html, path) =>
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(html);
            var result = DocumentReader.Read(path, bytes);
            if (!IsWellFormed(result))
                return false;
            if (result.IsSuccess && !SentencesHold(result.Document, Segmenter.Split(result.Document)))
                return false;
            return InTime(() =>
            {
                if (DocumentReader.Read(path, bytes).Document is { } document)
                    TemporalTagger.Default.Tag(document.Text, new TaggingContext());
            });
        });

    [Property(MaxTest = 1000)]
    public Property Split_HostileBlocks_SentencesStayInTheirBlocks() =>
        Prop.ForAll(Hostile.Text().Generator.ListOf().Select(texts => texts.Select(t => new TextBlock(BlockKind.Paragraph, t)).ToList()).ToArbitrary(), blocks =>
        {
            var document = new ReadDocument("fuzz.txt", "fuzz", blocks);
            return SentencesHold(document, Segmenter.Split(document));
        });

    /// <summary>
    /// Whether <paramref name="run"/> takes less than <see cref="CaseLimit"/>, timed after the checked call above it: a
    /// rule's compiled expression is jitted on its first match, which can take a second on a loaded machine.
    /// </summary>
    private static bool InTime(Action run)
    {
        var watch = Stopwatch.StartNew();
        run();
        return watch.Elapsed < CaseLimit;
    }

    internal static bool SpansAreOrderedAndExact(string text, IEnumerable<(int Start, int End, string Text)> spans)
    {
        var previousEnd = 0;
        foreach (var (start, end, spanText) in spans)
        {
            if (start < previousEnd || end <= start || end > text.Length || text[start..end] != spanText)
                return false;
            previousEnd = end;
        }
        return true;
    }

    /// <summary>Sentences are ordered, disjoint, exact, trimmed, and inside the block they name.</summary>
    internal static bool SentencesHold(ReadDocument document, IReadOnlyList<Sentence> sentences)
    {
        if (!SpansAreOrderedAndExact(document.Text, sentences.Select(s => (s.Start, s.End, s.Text))))
            return false;
        var blockStarts = new List<int>();
        var offset = 0;
        foreach (var block in document.Blocks)
        {
            blockStarts.Add(offset);
            offset += block.Text.Length + 2;
        }
        return sentences.All(s =>
            s.BlockIndex >= 0 && s.BlockIndex < document.Blocks.Count
            && s.Start >= blockStarts[s.BlockIndex] && s.End <= blockStarts[s.BlockIndex] + document.Blocks[s.BlockIndex].Text.Length
            && s.Text.Trim() == s.Text
            && s.BlockKind == document.Blocks[s.BlockIndex].Kind);
    }

    private static bool IsWellFormed(ReadResult result) =>
        result.IsSuccess
            ? result.Document.Blocks.Count > 0 && result.Document.Blocks.All(b => b.Text.Length > 0) && result.Document.Title.Length <= 201 && result.ContentHash.Length == 64
            : result.Failure.Reason.Length > 0;
}
