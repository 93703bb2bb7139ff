using System.Text.RegularExpressions;
using Almanac.Core;

namespace Almanac.Events;

/// <summary>
/// Turns a tagged document into event mentions: one per dated clause, and on a day page (as the
/// structure stage recognised it) one per entry, on the page's day of the entry's own year, of the
/// entry's kind. Dates inside an entry never move it, and on a day page a full date of the page's
/// own day outside the entries is the page's date (posted, updated, "Today is …"), not an event.
/// In prose, bylines, captions, reading lists and sentences that say only a date are no events (<see cref="NonEvents"/>).
/// </summary>
public static class MentionExtractor
{
    /// <summary>The most of a sentence a mention keeps; a longer one is cut to the words around its date.</summary>
    public const int MaxSentenceChars = 1000;

    /// <summary>The most of a holiday's name an observance keeps: it is a name, shown as one line.</summary>
    public const int MaxObservanceChars = 200;

    public static IReadOnlyList<EventMention> Extract(DocumentAnalysis analysis)
    {
        var people = PersonNames.FullNames(analysis.Document.Text);
        if (analysis.Document.DayPage is not { } page)
            return PicturePlaces.Attach(analysis.Document, DatedClauses(analysis, people).ToList());
        var mentions = DayPageEntries(analysis.DocumentId, page, people).ToList();
        // A day page's headings and dateline are its structure (its day, its sections, the periods its entries are grouped
        // in: "1901–present", "Pre-1600"), not events it is about.
        mentions.AddRange(DatedClauses(analysis, people).Where(m => !m.IsTopic && !InEntry(page, m) && !IsPageDate(page, m) && StatesYear(m.DateText)));
        return PicturePlaces.Attach(analysis.Document, mentions);
    }

    /// <summary>
    /// The text the tagger must read for <see cref="Extract"/>: all of it, except on a day page, where an entry's date is
    /// the page's day and its own year and dates inside it never move it, so the entries are blanked (same length, so
    /// every offset holds). A day page is hundreds of entries, each naming years, and tagging them was most of its analysis.
    /// </summary>
    public static string TextToTag(ReadDocument document)
    {
        if (document.DayPage is not { Entries.Count: > 0 } page)
            return document.Text;
        var text = document.Text.ToCharArray();
        foreach (var entry in page.Entries.Where(e => e.Start >= 0 && e.Start < e.End && e.End <= text.Length))
            Array.Fill(text, ' ', entry.Start, entry.End - entry.Start);
        return new string(text);
    }

    /// <summary>
    /// A mention from a line a source dates itself, such as an entry of a calendar file: the line
    /// is the sentence, with its people, places and key words read as in any document.
    /// </summary>
    public static EventMention FromDatedLine(string documentId, MentionKind kind, HistoricalDate date, string dateText, string line, int start)
    {
        var people = PersonNames.FullNames(line);
        return new EventMention(documentId, kind, date, null, dateText, line, start, start + line.Length,
            PersonNames.In(line, people), Places(line), Words.Keywords(line).Distinct().ToList())
        { Clause = line };
    }

    private static IEnumerable<EventMention> DayPageEntries(string documentId, DayPage page, IReadOnlyList<string> people)
    {
        foreach (var entry in page.Entries)
        {
            // A holiday listed without a year is an observance of the day (see Observances), not an event.
            if (entry.Year is not { } year || HistoricalDate.TryOnStatedDay(year, page.Day.Month, page.Day.Day) is not { } date)
                continue;
            // An entry is one line of a list, but a page may make it as long as it likes: it keeps what a sentence may.
            var text = TextCut.AtWord(entry.Text, MaxSentenceChars);
            yield return new EventMention(
                documentId, entry.Kind, date, null, entry.YearText, text, entry.Start, entry.End,
                PersonNames.In(text, people), Places(text), Words.Keywords(text).Distinct().ToList())
            { Clause = text, IsDayPageEntry = true };
        }
    }

    /// <summary>The holidays a day page lists without a year: observances of its day, every year.</summary>
    public static IReadOnlyList<Observance> Observances(string documentId, DayPage? page) =>
        page is null ? [] : page.Entries.Where(e => e.Kind == MentionKind.Holiday && e.Year is null)
            .Select(e => new Observance(documentId, page.Day, TextCut.AtWord(e.Text, MaxObservanceChars))).ToList();

    private static bool InEntry(DayPage page, EventMention mention) =>
        page.Entries.Any(e => mention.SentenceStart < e.End && mention.SentenceEnd > e.Start);

    /// <summary>
    /// On a day page, a date that borrows its year from the text around it ("October 20" in the links to the
    /// neighbouring days, after an entry of 1959) is no event of that year.
    /// </summary>
    private static bool StatesYear(string dateText) =>
        dateText.Contains("BC", StringComparison.Ordinal) || dateText.Count(char.IsAsciiDigit) >= 3;

    private static bool IsPageDate(DayPage page, EventMention mention) =>
        mention.Date.Precision == Precision.Day && mention.Date.Anniversary == page.Day;

    private static IEnumerable<EventMention> DatedClauses(DocumentAnalysis analysis, IReadOnlyList<string> people)
    {
        var text = analysis.Document.Text;
        var dated = analysis.Timexes
            .Where(t => t.Type == TimexType.Date && t.Date is { } d && d.Precision >= Precision.Decade
                && d.Modifier is not (DateModifier.Before or DateModifier.After))
            .ToList();
        var firstContentStart = FirstContentBlockStart(analysis.Document);
        // Sentences and dates both run in text order: one walk pairs them, however many there are.
        var next = 0;
        foreach (var sentence in analysis.Sentences)
        {
            analysis.Budget.Check();
            while (next < dated.Count && dated[next].Start < sentence.Start)
                next++;
            var inSentence = new List<Timex>();
            for (var j = next; j < dated.Count && dated[j].Start < sentence.End; j++)
                if (dated[j].End <= sentence.End)
                    inSentence.Add(dated[j]);
            inSentence = WithoutRestatements(text, inSentence);
            for (var i = 0; i < inSentence.Count; i++)
            {
                var timex = inSentence[i];
                // A mention keeps what a reader can take in: of a sentence longer than that, the part around its date.
                var (start, end) = TextCut.Window(text, sentence.Start, sentence.End, timex.Start, timex.End, MaxSentenceChars);
                var kept = (start, end) == (sentence.Start, sentence.End) ? sentence : sentence with { Start = start, End = end, Text = text[start..end] };
                var previousEnd = i > 0 && !InName(text, inSentence[i - 1]) ? inSentence[i - 1].End : kept.Start;
                var clauseStart = Math.Max(Math.Max(previousEnd, kept.Start), LastClauseBoundary(text, kept.Start, timex.Start));
                var clauseEnd = Math.Min(Math.Min(i + 1 < inSentence.Count ? inSentence[i + 1].Start : kept.End, kept.End), NextClauseBoundary(text, timex.End, kept.End));
                var clause = text[clauseStart..clauseEnd].Trim(' ', ',', '(', ')', '\n');
                var isDateline = timex.Start == firstContentStart && timex.Date!.Value.Precision == Precision.Day;
                if (!isDateline && NonEvents.Of(kept.Text, timex.Text) is not null)
                    continue;
                var isTopic = sentence.BlockKind == BlockKind.Heading || isDateline;
                // A dateline dates what the whole page is about: its title and the words its text dwells on.
                var keywordSource = isDateline ? analysis.Document.Title + " " + string.Join(' ', TopWords(BlockAround(text, timex.Start))) : clause;
                yield return new EventMention(
                    analysis.DocumentId, MentionKind.Event, timex.Date!.Value, timex.RangeEnd, timex.Text, kept.Text,
                    kept.Start, kept.End, PersonNames.In(keywordSource, people), Places(clause),
                    Words.Keywords(keywordSource).Distinct().ToList())
                { Clause = isDateline ? analysis.Document.Title : clause, IsTopic = isTopic };
            }
        }
    }

    /// <summary>
    /// The sentence's dates, each stated once: a date restated by the next one, with nothing but function words between
    /// them ("Six days later, on 7 October", "that day, 7 October"), is one date of one clause, not a second mention of
    /// the day whose clause is the date alone. The one stating more of the date (its digits) stays.
    /// </summary>
    private static List<Timex> WithoutRestatements(string text, List<Timex> inSentence)
    {
        var kept = new List<Timex>(inSentence.Count);
        for (var i = 0; i < inSentence.Count; i++)
        {
            var timex = inSentence[i];
            // Only the words between neighbours are read, so a sentence of thousands of dates is read once.
            if (i > 0 && kept[^1].Date == timex.Date && kept[^1].RangeEnd == timex.RangeEnd && !Words.Keywords(text, inSentence[i - 1].End, timex.Start).Any())
            {
                if (timex.Text.Count(char.IsAsciiDigit) >= kept[^1].Text.Count(char.IsAsciiDigit))
                    kept[^1] = timex;
                continue;
            }
            kept.Add(timex);
        }
        return kept;
    }

    /// <summary>Capitalized words after "in" or "at" that are not people: "in Hungary and Poland" gives both.</summary>
    private static IReadOnlyList<string> Places(string clause)
    {
        var words = Words.Split(clause);
        var places = new List<string>();
        for (var i = 1; i < words.Count; i++)
        {
            var previous = words[i - 1].Text;
            var afterPreposition = previous is "in" or "at" or "In" or "At"
                || (previous == "and" && i >= 2 && places.Contains(words[i - 2].Text));
            if (afterPreposition && words[i].IsCapitalized && !Lexicon.StopWords.Contains(words[i].Text) && words[i].Text.Length > 2)
                places.Add(words[i].Text);
        }
        return places.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Where the first block after the document's title starts: a date there is a dateline.</summary>
    private static int FirstContentBlockStart(ReadDocument document)
    {
        var offset = 0;
        foreach (var block in document.Blocks)
        {
            if (block.Kind != BlockKind.Heading && !string.Equals(block.Text.Trim(), document.Title.Trim(), StringComparison.Ordinal))
                return offset;
            offset += block.Text.Length + 2;
        }
        return -1;
    }

    private static string BlockAround(string text, int position)
    {
        var start = text.LastIndexOf("\n\n", Math.Max(0, position - 1), StringComparison.Ordinal);
        start = start < 0 ? 0 : start + 2;
        var end = text.IndexOf("\n\n", position, StringComparison.Ordinal);
        return text[start..(end < 0 ? text.Length : end)];
    }

    /// <summary>
    /// A date written between two capitalized words is part of a name ("the Chinese Winter Offensive overwhelmed …"): the
    /// next date's clause goes on through it, where after a date of its own a sentence's next clause begins.
    /// </summary>
    private static bool InName(string text, Timex timex) =>
        char.IsUpper(text[timex.Start])
        && timex.Start >= 2 && text[timex.Start - 1] == ' ' && Words.Split(text[Math.Max(0, timex.Start - 40)..timex.Start]) is [.., var before] && before.IsCapitalized
        && timex.End + 1 < text.Length && text[timex.End] == ' ' && char.IsUpper(text[timex.End + 1]);

    // Where one clause of a sentence ends and the next begins: "…in crisis, and in Hungary … in October 1956".
    private static readonly string[] ClauseBoundaries = [";", ", and ", ", but ", ", while ", ", whereas "];

    private static int LastClauseBoundary(string text, int from, int before)
    {
        if (before <= from)
            return from;
        var best = from;
        foreach (var boundary in ClauseBoundaries)
        {
            var at = text.LastIndexOf(boundary, before - 1, before - from, StringComparison.Ordinal);
            while (at >= from && EndsList(text, at, boundary))
                at = at > from ? text.LastIndexOf(boundary, at - 1, at - from, StringComparison.Ordinal) : -1;
            if (at >= 0)
                best = Math.Max(best, at + boundary.Length);
        }
        return best;
    }

    private static int NextClauseBoundary(string text, int from, int before)
    {
        var best = before;
        foreach (var boundary in ClauseBoundaries)
        {
            var at = text.IndexOf(boundary, from, before - from, StringComparison.Ordinal);
            while (at >= 0 && EndsList(text, at, boundary))
                at = text.IndexOf(boundary, at + 1, before - at - 1, StringComparison.Ordinal);
            if (at >= 0)
                best = Math.Min(best, at);
        }
        return best;
    }

    /// <summary>", and " that ends a list ("Hungary, Slovakia, and Romania") joins its last item, not a clause.</summary>
    private static bool EndsList(string text, int at, string boundary) => boundary == ", and " && Lists.FollowsItem(text, at);

    private const int TopWordCount = 12;

    /// <summary>The words a text uses most, most used first.</summary>
    private static IEnumerable<string> TopWords(string text) =>
        Words.Keywords(text).GroupBy(w => w, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(TopWordCount).Select(g => g.Key);
}
