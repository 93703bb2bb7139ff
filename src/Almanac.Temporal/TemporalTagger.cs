using System.Buffers;
using System.Text.RegularExpressions;
using Almanac.Core;
using Almanac.Temporal.Normalization;
using Almanac.Temporal.Rules;

namespace Almanac.Temporal;

/// <summary>
/// Finds temporal expressions in text and normalizes them to TIMEX3 values. Rules are data
/// (Resources/rules.txt); this class only walks the text word by word, tries the rules that can
/// start at each word, keeps the longest match and carries the narrative anchor along.
/// </summary>
public sealed class TemporalTagger
{
    private static readonly Lazy<TemporalTagger> Shared = new(() => new TemporalTagger(RuleSet.LoadEmbedded()));

    /// <summary>Words (or skipped characters) between two checks of the analysis budget.</summary>
    private const int BudgetCheckInterval = 1024;

    private readonly RuleSet _rules;
    private readonly Normalizer _normalizer;

    internal TemporalTagger(RuleSet rules)
    {
        _rules = rules;
        _normalizer = new Normalizer(rules.Vocabulary);
    }

    /// <summary>The tagger with the embedded rules, loaded and validated once.</summary>
    public static TemporalTagger Default => Shared.Value;

    internal RuleSet Rules => _rules;

    /// <summary>
    /// The temporal expressions of <paramref name="text"/>, sorted by start and not overlapping.
    /// Thread-safe; never throws on any text, unless the context's budget runs out or a rule takes
    /// pathologically long (<see cref="AnalysisBudgetExceededException"/> either way, naming the cause: a tag
    /// is never dropped silently, so the same text always gives the same tags or a stated failure).
    /// </summary>
    /// <remarks>
    /// What the text leaves open is taken from the anchor. <see cref="AnchorMode.News"/> anchors on the
    /// document date: "last year", "Friday", "March" (the nearest March) resolve against it.
    /// <see cref="AnchorMode.Narrative"/> ignores the document date (a page's download date says nothing
    /// about 1956) and anchors on the last date the text itself stated with at least a year, outside
    /// parentheses and not after a boundary word ("before 1934"). Before any such date an expression
    /// stays unresolved: "Jun 4" at the top of a day page is XXXX-06-04 with a null Date.
    /// </remarks>
    public IReadOnlyList<Timex> Tag(string text, TaggingContext context)
    {
        var carry = Carry.Start(context);
        return Run(text, context, ref carry).ConvertAll(t => t.Timex);
    }

    /// <summary>
    /// Tags a text of any length paragraph by paragraph (see <see cref="ParagraphReader"/>), holding one
    /// paragraph at a time. The narrative anchor and the date "a year earlier" refers to are carried from
    /// one paragraph to the next, so the tags are those of <see cref="Tag"/> on the whole text except where
    /// an expression would span a paragraph break. Offsets in each paragraph's tags are within the paragraph;
    /// add its <see cref="TaggedParagraph.Offset"/> for the offset in the whole text.
    /// </summary>
    public IEnumerable<TaggedParagraph> TagParagraphs(TextReader reader, TaggingContext context, int maxParagraph = ParagraphReader.DefaultMaxParagraph)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(context);
        var carry = Carry.Start(context);
        foreach (var (offset, paragraph) in new ParagraphReader(reader, maxParagraph).Read())
        {
            var found = Run(paragraph, context, ref carry);
            carry = carry.After(found, paragraph.Length);
            yield return new TaggedParagraph(offset, paragraph, found.ConvertAll(t => t.Timex));
        }
    }

    /// <summary>
    /// What one stretch of text hands to the next: the narrative anchor, and the last date mentioned with
    /// where it ended (relative to the start of the next stretch, so negative), for "a year earlier".
    /// </summary>
    private readonly record struct Carry(HistoricalDate? Anchor, string? ReferenceValue, long ReferenceEnd)
    {
        public static Carry Start(TaggingContext context) =>
            new(context.Mode == AnchorMode.Narrative ? null : context.DocumentDate, null, 0);

        public Carry After(List<(Timex Timex, Normalized Normalized)> found, int length)
        {
            if (found.Count == 0)
                return this with { ReferenceEnd = ReferenceEnd - length };
            var last = found[^1].Timex;
            return this with { ReferenceValue = last.Type == TimexType.Date ? last.Value : null, ReferenceEnd = last.End - length };
        }
    }

    /// <summary>
    /// The expressions as TimeML annotates them: like <see cref="Tag"/>, except that a range is its
    /// two ends ("1948–50" is "1948" and "50", valued 1948 and 1950), each a DATE.
    /// </summary>
    public IReadOnlyList<Timex> TagForTimeMl(string text, TaggingContext context)
    {
        var result = new List<Timex>();
        var carry = Carry.Start(context);
        foreach (var (timex, normalized) in Run(text, context, ref carry))
        {
            if (normalized.RangeParts is not { } parts || timex.Date is not { } start || timex.RangeEnd is not { } end)
            {
                result.Add(timex);
                continue;
            }
            result.Add(new Timex(parts.Start, parts.End, text[parts.Start..parts.End], TimexType.Date, timex.Value) { Date = start });
            // An Old Style range has Gregorian values (see Normalizer); its end is converted like its start.
            var endValue = timex.Value != start.ToTimex() ? end.ToGregorian().ToTimex() : end.ToTimex();
            result.Add(new Timex(parts.EndStart, parts.EndEnd, text[parts.EndStart..parts.EndEnd], TimexType.Date, endValue) { Date = end });
        }
        return result;
    }

    private List<(Timex Timex, Normalized Normalized)> Run(string text, TaggingContext context, ref Carry carry)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        var found = new List<(Timex, Normalized)>();
        var narrative = context.Mode == AnchorMode.Narrative;
        var anchor = carry.Anchor;
        var candidates = new List<(Match Match, Rule Rule)>(4);
        var pos = 0;
        var steps = 0;
        while (pos < text.Length)
        {
            if (++steps % BudgetCheckInterval == 0)
                context.Budget.Check();
            var c = text[pos];
            if (!char.IsLetterOrDigit(c))
            {
                pos++;
                continue;
            }
            var tokenEnd = TokenEnd(text, pos);
            // Most words start no rule: only for those that do is the next word read.
            var start = InLongerNumber(text, pos, tokenEnd) ? null : _rules.Start(Word(text, pos, tokenEnd));
            var next = start is null ? 0 : NextWordStart(text, pos, tokenEnd);
            var rules = start is null ? [] : start.For(Word(text, next, TokenEnd(text, next)));
            var timex = rules.Length == 0 ? null : TryAt(text, pos, rules, new Situation(anchor, context.Mode, false, Reference(found, pos, carry)), candidates);
            if (timex is null)
            {
                // Skip the rest of the word so a rule never starts inside one ("1956" in "A1956").
                pos = tokenEnd;
                while (pos < text.Length && char.IsLetterOrDigit(text[pos]))
                    pos++;
                continue;
            }
            found.Add(timex.Value);
            if (narrative && IsNarrativeTime(text, timex.Value.Timex))
                anchor = timex.Value.Timex.Date;
            pos = timex.Value.Timex.End;
        }
        carry = carry with { Anchor = anchor };
        return found;
    }

    /// <summary>Where the word after the one at [pos, tokenEnd) starts.</summary>
    private static int NextWordStart(string text, int pos, int tokenEnd)
    {
        var next = tokenEnd;
        // The decimals of "2.5 years" belong to the number: the word after it is "years".
        if (next + 1 < text.Length && text[next] == '.' && char.IsAsciiDigit(text[pos]) && char.IsAsciiDigit(text[next + 1]))
            next = TokenEnd(text, next + 1);
        while (next < text.Length && !char.IsLetterOrDigit(text[next]))
            next++;
        return next;
    }

    /// <summary>
    /// Whether the digits at [start, end) are a group of a longer number ("384" of "1,384,119", "39" of "5.39")
    /// or its first group before a thousands comma ("1" of "1,384"): no date starts there (a year or a day is
    /// never written with a comma, and the decimals of "2.5 years" follow their whole part), so no rule is tried.
    /// </summary>
    private static bool InLongerNumber(string text, int start, int end)
    {
        if (!char.IsAsciiDigit(text[start]))
            return false;
        var continues = start >= 2 && text[start - 1] is ',' or '.' && char.IsAsciiDigit(text[start - 2]);
        var grouped = end + 1 < text.Length && text[end] == ',' && char.IsAsciiDigit(text[end + 1]);
        return continues || grouped;
    }

    /// <summary>End of the word at <paramref name="start"/>: a run of letters, or of digits.</summary>
    private static int TokenEnd(string text, int start)
    {
        if (start >= text.Length)
            return start;
        var digit = char.IsAsciiDigit(text[start]);
        var end = start + 1;
        while (end < text.Length && (digit ? char.IsAsciiDigit(text[end]) : char.IsLetter(text[end])))
            end++;
        return end;
    }

    /// <summary>The word as the rule index knows it: a number by its count of digits (<see cref="RuleSet.NumberWord"/>).</summary>
    private static ReadOnlySpan<char> Word(string text, int start, int end) =>
        start < end && char.IsAsciiDigit(text[start]) ? RuleSet.NumberWord(end - start) : text.AsSpan(start, end - start);

    private (Timex Timex, Normalized Normalized)? TryAt(string text, int pos, Rule[] rules, Situation situation, List<(Match, Rule)> candidates)
    {
        candidates.Clear();
        // The text a needed word is looked for in (see Rule.Needs).
        var ahead = text.AsSpan(pos, Math.Min(RuleSet.NeedsReach, text.Length - pos));
        foreach (var rule in rules)
        {
            if (rule.Needs is { } needs && ahead.IndexOfAny(needs) < 0)
                continue;
            try
            {
                var match = rule.Pattern.Match(text, pos);
                if (match.Success && match.Length > 0)
                    candidates.Add((match, rule));
            }
            catch (RegexMatchTimeoutException)
            {
                // Skipping the rule here would make the tags depend on how busy the machine is.
                throw new AnalysisBudgetExceededException(
                    $"temporal rule '{rule.Name}' ran over {RuleSet.MatchTimeout.TotalSeconds:0} s at character {pos}; the text is not analysed further");
            }
        }
        // Longest match first; among equals, the rule written first in rules.txt.
        candidates.Sort(static (a, b) => a.Item1.Length != b.Item1.Length ? b.Item1.Length.CompareTo(a.Item1.Length) : a.Item2.Order.CompareTo(b.Item2.Order));
        foreach (var (match, rule) in candidates)
        {
            Normalized? normalized;
            try
            {
                // Only a weekday, and a month or feast named without its year, depend on tense, so the text is read only for
                // them: a weekday's sentence, a month's clause (a year is more to get wrong than a week: "Work was expected to
                // finish last December, but a strike in January delayed it" puts January in the past).
                var tensed = match.Groups["weekday"].Success ? situation with { FutureTense = IsFutureAt(text, match.Index, SentenceEnds) }
                    : !match.Groups["year"].Success && (match.Groups["month"].Success || match.Groups["holiday"].Success)
                        ? situation with { FutureTense = IsFutureAt(text, match.Index, ClauseEnds) }
                        : situation;
                normalized = _normalizer.Normalize(rule, match, tensed);
            }
            catch (ArgumentOutOfRangeException)
            {
                // A date outside what the calendars represent (year 20000) is no date.
                normalized = null;
            }
            if (normalized is null)
                continue;
            var timex = new Timex(match.Index, match.Index + match.Length, match.Value, normalized.Type, normalized.Value)
            {
                Mod = normalized.Mod,
                Quant = normalized.Quant,
                Date = normalized.Date,
                RangeEnd = normalized.RangeEnd,
            };
            return (timex, normalized);
        }
        return null;
    }

    /// <summary>The value of the date mentioned just before <paramref name="position"/> (within a paragraph or so), if any.</summary>
    private static string? Reference(List<(Timex Timex, Normalized Normalized)> found, int position, Carry carry)
    {
        if (found.Count == 0)
            return position - carry.ReferenceEnd < ReferenceReach ? carry.ReferenceValue : null;
        var last = found[^1].Timex;
        return last.Type == TimexType.Date && position - last.End < ReferenceReach ? last.Value : null;
    }

    /// <summary>How far back (in characters) "a year earlier" looks for the date it is earlier than.</summary>
    private const int ReferenceReach = 1000;

    /// <summary>
    /// Whether the date at <paramref name="position"/> is spoken of as coming: the tense word of
    /// its sentence (or clause: what <paramref name="ends"/> bounds) nearest to it decides ("said Friday that it will..." is past, "will meet on Friday" is
    /// coming), because a report mixes tenses and the verb closest to the day is the one it belongs to.
    /// A sentence with no tense word at all is a report of the past. TimeML 1.2.1 guidelines, TIMEX3 value: a relative date is resolved against the document time in the
    /// direction its clause's tense gives.
    /// </summary>
    private bool IsFutureAt(string text, int position, SearchValues<char> ends)
    {
        // Bounded, so a sentence of thousands of dates is not read again for each of them.
        var start = position;
        while (start > 0 && position - start < TenseReach && !ends.Contains(text[start - 1]))
            start--;
        var end = position;
        while (end < text.Length && end - position < TenseReach && !ends.Contains(text[end]))
            end++;
        var nearestFuture = int.MaxValue;
        var nearestPast = int.MaxValue;
        var i = start;
        while (i < end)
        {
            if (!char.IsLetter(text[i]) && text[i] is not ('\'' or '’'))
            {
                i++;
                continue;
            }
            var wordEnd = i + 1;
            while (wordEnd < end && char.IsLetter(text[wordEnd]))
                wordEnd++;
            var distance = wordEnd <= position ? position - wordEnd : i - position;
            if (_rules.Vocabulary.Lookup("future", text.AsSpan(i, wordEnd - i)) is not null)
                nearestFuture = Math.Min(nearestFuture, distance);
            else if (_rules.Vocabulary.Lookup("pasttense", text.AsSpan(i, wordEnd - i)) is not null)
                nearestPast = Math.Min(nearestPast, distance);
            i = wordEnd;
        }
        return nearestFuture < nearestPast;
    }

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".!?\n");
    private static readonly SearchValues<char> ClauseEnds = SearchValues.Create(".!?\n,;:()");

    /// <summary>How far (in characters) from a date its clause's tense word is looked for.</summary>
    private const int TenseReach = 250;

    /// <summary>
    /// Whether a stated date moves the narrative: not a range, not an aside in parentheses
    /// ("(June 1941)"), not a boundary ("before 1934"), and at least a year.
    /// </summary>
    private bool IsNarrativeTime(string text, Timex timex)
    {
        if (timex.Date is not { Precision: >= Precision.Year } || timex.RangeEnd is not null)
            return false;
        for (var i = timex.Start - 1; i >= 0 && i >= timex.Start - 300; i--)
        {
            var c = text[i];
            if (c is ')' or '\n')
                break;
            if (c == '(')
                return false;
        }
        var end = timex.Start;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            end--;
        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
            start--;
        return start == end || _rules.Vocabulary.Lookup("boundary", text.AsSpan(start, end - start)) is null;
    }
}
