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
        var placed = mentions.Where(m => m.Date.Precision == Precision.Day).Select(m => (m.SentenceStart, m.SentenceEnd)).ToList();
        var unplaced = new List<UnplacedSentence>();
        foreach (var sentence in analysis.Sentences)
        {
            if (sentence.BlockKind == BlockKind.Heading || placed.Any(p => p.SentenceStart < sentence.End && sentence.Start < p.SentenceEnd))
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
}
