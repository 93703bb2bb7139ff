namespace Almanac.Text.Segmentation;

/// <summary>
/// Finds sentence spans in one block of text, by scanning characters (no regular expressions).
/// A sentence ends at '.', '!', '?' or '…' (with any closing quotes or brackets after them) followed by a space
/// and a character that is not a lower-case letter, unless the period closes an abbreviation or the mark stands
/// inside parentheses opened shortly before. A line break ends a sentence when the next line does not start in
/// lower case (readers unwrap hard-wrapped prose, so a remaining break is meant).
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>Parentheses left open longer than this are treated as a stray character, not as an aside.</summary>
    private const int MaxAside = 250;

    public static List<(int Start, int End)> Split(string text, int start, int end, Abbreviations abbreviations)
    {
        var spans = new List<(int, int)>();
        var sentenceStart = start;
        var depth = 0;
        var openedAt = -1;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c is '(' or '[')
            {
                if (depth == 0)
                    openedAt = i;
                depth++;
                i++;
            }
            else if (c is ')' or ']')
            {
                depth = Math.Max(0, depth - 1);
                i++;
            }
            else if (c == '\n')
            {
                depth = 0;
                var next = SkipSpaces(text, i, end);
                if (next >= end || !char.IsLower(text[next]))
                {
                    Add(sentenceStart, i);
                    sentenceStart = next;
                }
                i = next;
            }
            else if (c is '.' or '!' or '?' or '…')
            {
                var markEnd = i;
                while (markEnd < end && text[markEnd] is '.' or '!' or '?' or '…')
                    markEnd++;
                var closeEnd = markEnd;
                while (closeEnd < end && text[closeEnd] is '"' or '\'' or '”' or '’' or '»' or ')' or ']')
                {
                    if (text[closeEnd] is ')' or ']')
                        depth = Math.Max(0, depth - 1);
                    closeEnd++;
                }
                if (closeEnd >= end)
                {
                    i = closeEnd;
                    continue;
                }
                if (!char.IsWhiteSpace(text[closeEnd]))
                {
                    i = closeEnd;
                    continue;
                }
                var next = SkipSpaces(text, closeEnd, end);
                if (next < end && IsBoundary(text, start, i, markEnd, next, depth > 0 && i - openedAt < MaxAside, abbreviations))
                {
                    Add(sentenceStart, closeEnd);
                    sentenceStart = next;
                }
                if (depth > 0 && i - openedAt >= MaxAside)
                    depth = 0;
                i = next;
            }
            else
            {
                i++;
            }
        }
        Add(sentenceStart, end);
        return spans;

        void Add(int from, int to)
        {
            while (from < to && char.IsWhiteSpace(text[from]))
                from++;
            while (to > from && char.IsWhiteSpace(text[to - 1]))
                to--;
            if (to > from)
                spans.Add((from, to));
        }
    }

    /// <summary>
    /// "in the pamphlet Qu'est-ce que le tiers état? (What is the Third Estate?), published in 1789": an aside after the
    /// mark that the sentence goes on after (a comma, or lower case) glosses what the mark ended, a title's question.
    /// </summary>
    private static bool ContinuesAfterAside(string text, int next)
    {
        if (text[next] != '(')
            return false;
        var close = text.IndexOf(')', next, Math.Min(MaxAside, text.Length - next));
        if (close < 0)
            return false;
        var after = SkipSpaces(text, close + 1, text.Length);
        return after < text.Length && (text[after] is ',' or ';' or ':' || char.IsLower(text[after]));
    }

    private static int SkipSpaces(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
            i++;
        return i;
    }

    private static bool IsBoundary(string text, int blockStart, int mark, int markEnd, int next, bool inAside, Abbreviations abbreviations)
    {
        var following = text[next];
        if (char.IsLower(following) || inAside || ContinuesAfterAside(text, next))
            return false;
        // Only a single period can close an abbreviation; "?", "!" and "..." always end something.
        if (markEnd - mark != 1 || text[mark] != '.')
            return true;
        var wordStart = mark;
        while (wordStart > blockStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '[' or '"' or '“' or '‘' or '\''))
            wordStart--;
        return !abbreviations.IsAbbreviation(text.AsSpan(wordStart, mark - wordStart), following);
    }
}
