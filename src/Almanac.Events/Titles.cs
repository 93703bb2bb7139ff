using Almanac.Core;

namespace Almanac.Events;

/// <summary>
/// An event's title, taken from its sources. Headings and titles that date the event are the
/// candidates, each split into its parts (<see cref="HeadingParts"/>: "Khrushchev's Secret Speech of 1956: A Turning
/// Point in Soviet History" gives two) with its date phrase removed ("of 1956"); the candidate most of the
/// event's sources write wins, then the one with the most of the event's words. Without a
/// heading, the event's headline (<see cref="Headlines"/>).
/// </summary>
internal static class Titles
{
    private const int MaxLength = 120;
    private const int MaxCandidates = 20;
    private static readonly string[] DatePrepositions = ["of", "in", "on", "during", "since", "from", "by"];

    public static string Of(IReadOnlyList<EventMention> mentions, IReadOnlyDictionary<string, SourceDocument> documents, string headline)
    {
        // The candidates most headings write, so that weighing each against every source stays linear in the sources.
        var candidates = mentions.Where(m => m.IsTopic)
            .SelectMany(m => HeadingParts.Of(m.Clause).Select(part => WithoutDate(part, m, anywhere: true)))
            .Where(c => Words.Count(c) is >= 2 and <= 10 && Words.Keywords(c).Any())
            .GroupBy(c => c, StringComparer.OrdinalIgnoreCase)
            .ToList();
        // Most events (a day page's entries, a calendar's lines) are no source's topic: nothing to weigh.
        if (candidates.Count == 0)
            return headline;
        var eventWords = mentions.SelectMany(m => m.Keywords).GroupBy(k => k, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var sourceTexts = mentions.GroupBy(m => m.DocumentId, StringComparer.Ordinal)
            .Select(g => Fold(string.Join("\n", g.Select(m => m.Sentence).Append(documents.GetValueOrDefault(g.Key)?.Title ?? ""))))
            .ToList();
        var frequent = candidates.OrderByDescending(g => g.Count()).Take(MaxCandidates).ToHashSet();
        var best = candidates.Where(frequent.Contains).Select(g => g.Key)
            .OrderByDescending(c => sourceTexts.Count(t => t.Contains(Fold(c), StringComparison.Ordinal)))
            .ThenByDescending(c => Words.Keywords(c).Distinct().Sum(k => eventWords.GetValueOrDefault(k)))
            .ThenBy(c => c.Length)
            .FirstOrDefault();
        return best is not null ? Shorten(best, MaxLength) : headline;
    }

    /// <summary>
    /// A heading or clause without its date: "Secret Speech of 1956" → "Secret Speech". In a
    /// heading the date goes wherever it stands; in running text only at the start or the end
    /// ("On June 4, 1956, …"), since in the middle it carries the sense ("Not until 1989 was …").
    /// </summary>
    public static string WithoutDate(string text, EventMention mention, bool anywhere)
    {
        var words = text.Replace("(" + mention.DateText + ")", " ", StringComparison.Ordinal)
            .Replace(mention.DateText, " \u0001 ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var year = mention.Date.YearOfEra.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = words.Count - 1; i >= 0; i--)
        {
            var bare = words[i].Trim(QuotesAndBrackets);
            if ((words[i] != "\u0001" && bare != year) || (!anywhere && i > 1 && i < LastWordAt(words)))
            {
                if (words[i] == "\u0001")
                    words[i] = mention.DateText;
                continue;
            }
            words.RemoveAt(i);
            // "on the Ides of March": a date that opens on a Roman day has its article before it.
            if (i > 1 && words[i - 1] is "the" && DatePrepositions.Contains(words[i - 2].ToLowerInvariant()))
                words.RemoveAt(--i);
            if (i > 0 && DatePrepositions.Contains(words[i - 1].ToLowerInvariant()))
                words.RemoveAt(--i);
        }
        var joined = string.Join(' ', words.Where(w => w.Trim(QuotesAndBrackets).Length > 0 || w.Any(char.IsLetterOrDigit)));
        joined = joined.Replace("()", "", StringComparison.Ordinal).Trim(' ', ',', ':', ';', '(', ')', '-', '–', '.', '\n');
        return joined.Length == 0 ? joined : char.ToUpperInvariant(joined[0]) + joined[1..];
    }

    private static readonly char[] QuotesAndBrackets = ['‘', '’', '\'', '"', '“', '”', ',', '(', ')'];

    /// <summary>Where the last word or date stands among the words.</summary>
    private static int LastWordAt(List<string> words) => words.FindLastIndex(w => w == "\u0001" || w.Any(char.IsLetterOrDigit));

    public static string Shorten(string text, int max) => TextCut.AtWord(text, max);

    /// <summary>Lower case with typographic apostrophes folded, for matching a title inside a text.</summary>
    public static string Fold(string text) => text.ToLowerInvariant().Replace('’', '\'');
}
