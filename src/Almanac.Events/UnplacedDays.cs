using System.Text.RegularExpressions;
using Almanac.Core;

namespace Almanac.Events;

/// <summary>A sentence of prose that writes a day of a month but gave no event on a day: the tagger or an extraction rule missed it.</summary>
public sealed record UnplacedSentence(string DocumentId, string Path, string Text);

/// <summary>
/// The sanity gate's check on prose: a day written with a month name ("4 June", "June 4th") in a sentence that
/// yielded no day-dated mention and is no byline, caption or reading-list entry. Found by a pattern of its own,
/// independent of the tagger's rules, so a rule that stops matching shows up here.
/// </summary>
public static class UnplacedDays
{
    private const string Month = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private const string Day = "(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?";

    private static readonly Regex WrittenDay = new(
        $@"\b{Month}\.?\s+{Day}\b|\b{Day}\s+(?:of\s+)?{Month}\b",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static IReadOnlyList<UnplacedSentence> In(DocumentAnalysis analysis, IReadOnlyList<EventMention> mentions)
    {
        if (analysis.Document.DayPage is not null)
            return [];
        var placed = new Spans(mentions.Where(m => m.Date.Precision == Precision.Day).Select(m => (m.SentenceStart, m.SentenceEnd)));
        var unplaced = new List<UnplacedSentence>();
        foreach (var sentence in analysis.Sentences)
        {
            if (sentence.BlockKind == BlockKind.Heading || placed.Overlap(sentence.Start, sentence.End))
                continue;
            Match day;
            try
            {
                day = WrittenDay.Match(sentence.Text);
            }
            catch (RegexMatchTimeoutException)
            {
                continue;
            }
            if (day.Success && NonEvents.Of(sentence.Text, day.Value) is null)
                unplaced.Add(new UnplacedSentence(analysis.DocumentId, analysis.Document.Path, TextCut.AtWord(sentence.Text, MaxShown)));
        }
        return unplaced;
    }

    private const int MaxShown = 160;

    /// <summary>
    /// Spans of text, asked whether any overlaps a range in logarithmic time: a document of 90,000 dated sentences
    /// asked each sentence against every mention (8 billion comparisons).
    /// </summary>
    internal sealed class Spans
    {
        private readonly int[] _starts;
        private readonly int[] _furthestEnd;

        public Spans(IEnumerable<(int Start, int End)> spans)
        {
            var sorted = spans.OrderBy(s => s.Start).ToArray();
            _starts = sorted.Select(s => s.Start).ToArray();
            // The furthest end of the spans up to each one: those starting before a range's end overlap it when it reaches past the range's start.
            _furthestEnd = new int[sorted.Length];
            for (var i = 0; i < sorted.Length; i++)
                _furthestEnd[i] = Math.Max(sorted[i].End, i > 0 ? _furthestEnd[i - 1] : int.MinValue);
        }

        public bool Overlap(int start, int end)
        {
            // How many spans start before the range ends (a lower bound search).
            var (low, high) = (0, _starts.Length);
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (_starts[middle] < end)
                    low = middle + 1;
                else
                    high = middle;
            }
            return low > 0 && _furthestEnd[low - 1] > start;
        }
    }
}
