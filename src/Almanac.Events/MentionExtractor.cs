using System.Globalization;
using System.Text.RegularExpressions;
using Almanac.Core;
using NodaTime;

namespace Almanac.Events;

/// <summary>
/// Turns a tagged document into event mentions: one per dated clause, and on a day page (a page
/// that names a day at its top and lists lines beginning with a year) one per such line, dated on
/// that day of that year, as an event, birth, death or holiday according to its section.
/// </summary>
public static class MentionExtractor
{
    /// <summary>The most of a sentence a mention keeps; a longer one is cut to the words around its date.</summary>
    public const int MaxSentenceChars = 1000;

    // "1961 – text", "44 BC - text", "1956: text"; the line's year and its text.
    private static readonly Regex YearLine = new(
        @"^\s*(?<year>\d{1,4})(\s*(?<era>BCE|BC|AD|CE))?\s*[–—:-]\s+(?<text>\S.*)$",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.Singleline);

    // Section headings of a day page, by the kind of entry they list.
    private static readonly (string Cue, MentionKind Kind)[] SectionCues =
    [
        ("birth", MentionKind.Birth),
        ("death", MentionKind.Death),
        ("holiday", MentionKind.Holiday),
        ("observance", MentionKind.Holiday),
        ("event", MentionKind.Event),
    ];

    public static IReadOnlyList<EventMention> Extract(DocumentAnalysis analysis)
    {
        var people = PersonNames.FullNames(analysis.Document.Text);
        var mentions = new List<EventMention>();
        if (PageDay(analysis) is { } pageDay)
            mentions.AddRange(DayPageLines(analysis, pageDay, people));
        var listedBlocks = mentions.Select(m => m.SentenceStart).ToHashSet();
        mentions.AddRange(DatedClauses(analysis, people).Where(m => !listedBlocks.Contains(m.SentenceStart)));
        return mentions;
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

    /// <summary>The day a day page is about: a month and day with no year, alone in one of the first blocks.</summary>
    private static AnnualDate? PageDay(DocumentAnalysis analysis)
    {
        var text = analysis.Document.Text;
        var firstBlocksEnd = BlockStarts(analysis.Document).Skip(4).FirstOrDefault(text.Length);
        foreach (var timex in analysis.Timexes.Where(t => t.Start < firstBlocksEnd))
        {
            if (timex.Type != TimexType.Date || !timex.Value.StartsWith("XXXX-", StringComparison.Ordinal) || timex.Value.Length != 10)
                continue;
            var block = BlockAround(text, timex.Start);
            if (block.Length > timex.Length + 40)
                continue;
            if (int.TryParse(timex.Value.AsSpan(5, 2), CultureInfo.InvariantCulture, out var month)
                && int.TryParse(timex.Value.AsSpan(8, 2), CultureInfo.InvariantCulture, out var day)
                && ReaderDay.ParseMonthDay($"{month:D2}-{day:D2}") is { } annual)
                return annual;
        }
        return null;
    }

    private static IEnumerable<EventMention> DayPageLines(DocumentAnalysis analysis, AnnualDate pageDay, IReadOnlyList<string> people)
    {
        var kind = MentionKind.Event;
        var offset = 0;
        foreach (var block in analysis.Document.Blocks)
        {
            var start = offset;
            offset += block.Text.Length + 2;
            if (block.Kind == BlockKind.Heading)
            {
                kind = SectionKind(block.Text) ?? kind;
                continue;
            }
            var match = YearLine.Match(block.Text);
            if (!match.Success || match.Groups["text"].Value.Length < 8)
                continue;
            var stated = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            var year = match.Groups["era"].Value is "BC" or "BCE" ? 1 - stated : stated;
            HistoricalDate date;
            try
            {
                date = HistoricalDate.OnDay(year, pageDay.Month, pageDay.Day);
            }
            catch (ArgumentOutOfRangeException)
            {
                continue;
            }
            var line = match.Groups["text"].Value.Trim();
            yield return new EventMention(
                analysis.DocumentId, kind, date, null, match.Groups["year"].Value, line, start, start + block.Text.Length,
                PersonNames.In(line, people), Places(line), Words.Keywords(line).Distinct().ToList())
            { Clause = line };
        }
    }

    private static MentionKind? SectionKind(string heading)
    {
        var lower = heading.ToLowerInvariant();
        foreach (var (cue, kind) in SectionCues)
            if (lower.Contains(cue, StringComparison.Ordinal) && heading.Length < 40)
                return kind;
        return null;
    }

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
            for (var i = 0; i < inSentence.Count; i++)
            {
                var timex = inSentence[i];
                // A mention keeps what a reader can take in: of a sentence longer than that, the part around its date.
                var (start, end) = TextCut.Window(text, sentence.Start, sentence.End, timex.Start, timex.End, MaxSentenceChars);
                var kept = (start, end) == (sentence.Start, sentence.End) ? sentence : sentence with { Start = start, End = end, Text = text[start..end] };
                var clauseStart = Math.Max(Math.Max(i > 0 ? inSentence[i - 1].End : kept.Start, kept.Start), LastClauseBoundary(text, kept.Start, timex.Start));
                var clauseEnd = Math.Min(Math.Min(i + 1 < inSentence.Count ? inSentence[i + 1].Start : kept.End, kept.End), NextClauseBoundary(text, timex.End, kept.End));
                var clause = text[clauseStart..clauseEnd].Trim(' ', ',', '(', ')', '\n');
                var isDateline = timex.Start == firstContentStart && timex.Date!.Value.Precision == Precision.Day;
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

    private static IEnumerable<int> BlockStarts(ReadDocument document)
    {
        var offset = 0;
        foreach (var block in document.Blocks)
        {
            yield return offset;
            offset += block.Text.Length + 2;
        }
    }

    private static string BlockAround(string text, int position)
    {
        var start = text.LastIndexOf("\n\n", Math.Max(0, position - 1), StringComparison.Ordinal);
        start = start < 0 ? 0 : start + 2;
        var end = text.IndexOf("\n\n", position, StringComparison.Ordinal);
        return text[start..(end < 0 ? text.Length : end)];
    }

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
            if (at >= 0)
                best = Math.Min(best, at);
        }
        return best;
    }

    private const int TopWordCount = 12;

    /// <summary>The words a text uses most, most used first.</summary>
    private static IEnumerable<string> TopWords(string text) =>
        Words.Keywords(text).GroupBy(w => w, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(TopWordCount).Select(g => g.Key);
}
