using System.Text.RegularExpressions;

namespace Almanac.Events;

/// <summary>Why a dated sentence tells no happening of its date.</summary>
public enum NonEventKind
{
    /// <summary>"By Jane Porter, updated March 3, 2021": who wrote the page and when.</summary>
    Byline,
    /// <summary>"(Photo: AP, June 4, 1956)": a picture's caption or credit.</summary>
    Caption,
    /// <summary>"Smith, J. The Long Peace. Oxford University Press, 1987.": a book in a reading list.</summary>
    Bibliography,
    /// <summary>"It should be 2/11/1732.": nothing but the date is said.</summary>
    DateOnly,
}

/// <summary>
/// The dated sentences of prose that are not events: bylines and publication dates, captions, entries of
/// a bibliography or reading list, and sentences that say nothing but their date. Every other sentence that
/// dates a past happening yields an event.
/// </summary>
public static partial class NonEvents
{
    private const int MaxBylineWords = 16;

    // Source-generated backtracking patterns with a time limit: RegexOptions.NonBacktracking built these three automata
    // at run time, a tenth of a second or more of CPU before an ingest's first dated sentence (the Unicode letter classes
    // under IgnoreCase make large character sets). They match alike (NonEventsTests compares them on real text); backtracking
    // stays linear here, as every repeated part is followed by a character it cannot match or is anchored at the start.
    private const int RegexTimeoutMilliseconds = 1000;
    internal const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    // "By Jane Porter, updated …", "Published: …", "Last modified on …", "Posted by admin on …".
    internal const string BylinePattern =
        @"^\W*(?:by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*(?:[,|·•–—-]\s*)?(?:and\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*[,|·•–—-]?\s*)?)?"
        + @"(?:(?:first\s+|originally\s+)?published|updated|posted|last\s+(?:updated|modified|reviewed|edited)|modified|written|filed|reviewed)\b"
        + @"|^\W*by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*[,|·•–—-]\s*(?:\p{Lu}[\p{L}]*\.?\s+[0-9]|[0-9])";

    internal const string CaptionPattern =
        @"\((?:photo|image|picture|illustration|credit)s?\b|^\W*(?:photo(?:graph)?|image|picture|illustration|credit|pictured|above|below|top|left|right)\s*(?::|–|—|\|)"
        + @"|\b(?:getty\s+images|ap\s+photo|file\s+photo|photo\s+(?:by|credit|courtesy)|courtesy\s+of|wikimedia\s+commons)\b";

    internal const string BibliographyPattern =
        @"\bisbn\b|\bretrieved\s+(?:on\s+)?|\baccessed\s+(?:on\s+)?\p{Lu}?|\bpp?\.\s*[0-9]|\bvol\.\s*[0-9]|\(eds?\.\)|\beds?\.\s*,"
        + @"|\b(?:university\s+)?press\s*[,:]\s*(?:[0-9]{4}|\p{Lu})|\bpublish(?:ers?|ing)\s*,\s*[0-9]{4}"
        + @"|^\s*\p{Lu}[\p{L}'’-]+,\s+\p{Lu}(?:\.|[\p{L}'’-]+)[^.]{0,40}\(\s*[0-9]{4}\s*\)";

    [GeneratedRegex(BylinePattern, Options, RegexTimeoutMilliseconds)]
    internal static partial Regex Byline();

    [GeneratedRegex(CaptionPattern, Options, RegexTimeoutMilliseconds)]
    internal static partial Regex Caption();

    [GeneratedRegex(BibliographyPattern, Options, RegexTimeoutMilliseconds)]
    internal static partial Regex Bibliography();

    /// <summary>What kind of non-event a dated sentence is, or null when it may tell a happening.</summary>
    public static NonEventKind? Of(string sentence, string dateText)
    {
        try
        {
            if (Words.Count(sentence) <= MaxBylineWords && Byline().IsMatch(sentence))
                return NonEventKind.Byline;
            if (Caption().IsMatch(sentence))
                return NonEventKind.Caption;
            if (Bibliography().IsMatch(sentence))
                return NonEventKind.Bibliography;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
        return Words.Keywords(sentence.Replace(dateText, " ", StringComparison.Ordinal)).Any(k => !k.Any(char.IsDigit)) ? null : NonEventKind.DateOnly;
    }
}
