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
public static class NonEvents
{
    private const int MaxBylineWords = 16;
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    // "By Jane Porter, updated …", "Published: …", "Last modified on …", "Posted by admin on …".
    private static readonly Regex Byline = new(
        @"^\W*(?:by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*(?:[,|·•–—-]\s*)?(?:and\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*[,|·•–—-]?\s*)?)?"
        + @"(?:(?:first\s+|originally\s+)?published|updated|posted|last\s+(?:updated|modified|reviewed|edited)|modified|written|filed|reviewed)\b"
        + @"|^\W*by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*[,|·•–—-]\s*(?:\p{Lu}[\p{L}]*\.?\s+[0-9]|[0-9])",
        Options, RegexTimeout);

    private static readonly Regex Caption = new(
        @"\((?:photo|image|picture|illustration|credit)s?\b|^\W*(?:photo(?:graph)?|image|picture|illustration|credit|pictured|above|below|top|left|right)\s*(?::|–|—|\|)"
        + @"|\b(?:getty\s+images|ap\s+photo|file\s+photo|photo\s+(?:by|credit|courtesy)|courtesy\s+of|wikimedia\s+commons)\b",
        Options, RegexTimeout);

    private static readonly Regex Bibliography = new(
        @"\bisbn\b|\bretrieved\s+(?:on\s+)?|\baccessed\s+(?:on\s+)?\p{Lu}?|\bpp?\.\s*[0-9]|\bvol\.\s*[0-9]|\(eds?\.\)|\beds?\.\s*,"
        + @"|\b(?:university\s+)?press\s*[,:]\s*(?:[0-9]{4}|\p{Lu})|\bpublish(?:ers?|ing)\s*,\s*[0-9]{4}"
        + @"|^\s*\p{Lu}[\p{L}'’-]+,\s+\p{Lu}(?:\.|[\p{L}'’-]+)[^.]{0,40}\(\s*[0-9]{4}\s*\)",
        Options, RegexTimeout);

    /// <summary>What kind of non-event a dated sentence is, or null when it may tell a happening.</summary>
    public static NonEventKind? Of(string sentence, string dateText)
    {
        try
        {
            if (Words.Split(sentence).Count <= MaxBylineWords && Byline.IsMatch(sentence))
                return NonEventKind.Byline;
            if (Caption.IsMatch(sentence))
                return NonEventKind.Caption;
            if (Bibliography.IsMatch(sentence))
                return NonEventKind.Bibliography;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
        return Words.Keywords(sentence.Replace(dateText, " ", StringComparison.Ordinal)).Any(k => !k.Any(char.IsDigit)) ? null : NonEventKind.DateOnly;
    }
}
