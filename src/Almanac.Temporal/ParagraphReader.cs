namespace Almanac.Temporal;

/// <summary>
/// Splits a text of any length into paragraphs without holding more than one: a paragraph ends after a
/// blank line (its line breaks and the blank lines stay with it, so the pieces put together are the text).
/// A paragraph longer than the limit is cut at its last line break before the limit, else at its last
/// white space, else at the limit; the cut depends only on the text, never on how it is read.
/// </summary>
public sealed class ParagraphReader
{
    /// <summary>Longest paragraph kept whole, in UTF-16 code units (1 Mi).</summary>
    public const int DefaultMaxParagraph = 1 << 20;

    private const int BlockSize = 1 << 16;

    private readonly TextReader _reader;
    private readonly int _maxParagraph;

    public ParagraphReader(TextReader reader, int maxParagraph = DefaultMaxParagraph)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParagraph, 2);
        _reader = reader;
        _maxParagraph = maxParagraph;
    }

    /// <summary>The paragraphs in order, each with its offset in the whole text.</summary>
    public IEnumerable<(long Offset, string Text)> Read()
    {
        // Unconsumed text is buffer[start..end]; it never grows beyond one paragraph and one block.
        var buffer = new char[_maxParagraph + 2 * BlockSize];
        int start = 0, end = 0;
        long offset = 0;
        var scanned = 0;
        var eof = false;
        while (!eof)
        {
            if (buffer.Length - end < BlockSize)
            {
                Array.Copy(buffer, start, buffer, 0, end - start);
                end -= start;
                scanned -= start;
                start = 0;
            }
            var read = _reader.Read(buffer, end, BlockSize);
            eof = read == 0;
            end += read;
            while (NextCut(buffer, start, end, ref scanned, eof) is var cut and > 0)
            {
                var paragraph = new string(buffer, start, cut);
                start += cut;
                scanned = start;
                yield return (offset, paragraph);
                offset += cut;
            }
        }
        if (end > start)
            yield return (offset, new string(buffer, start, end - start));
    }

    /// <summary>Length of the first complete paragraph in buffer[start..end], or 0 when more text is needed.</summary>
    private int NextCut(char[] buffer, int start, int end, ref int scanned, bool eof)
    {
        var limit = Math.Min(end, start + _maxParagraph);
        for (var i = Math.Max(scanned, start + 1); i < limit; i++)
        {
            if (buffer[i] != '\n')
                continue;
            // A blank line: this line break, then optional spaces, then another line break.
            var j = i - 1;
            while (j > start && buffer[j] is ' ' or '\t' or '\r')
                j--;
            if (buffer[j] != '\n')
                continue;
            var cut = i + 1;
            // Further blank lines and indentation belong to the same break, up to the paragraph limit.
            var stop = Math.Min(end, start + _maxParagraph);
            while (cut < stop && buffer[cut] is '\n' or '\r' or ' ' or '\t')
                cut++;
            if (cut == end && cut < start + _maxParagraph && !eof)
            {
                // More of the break may come with the next block.
                scanned = i;
                return 0;
            }
            return cut - start;
        }
        scanned = Math.Max(limit - 1, start);
        if (end - start < _maxParagraph)
            return 0;
        return Fallback(buffer, start);
    }

    private int Fallback(char[] buffer, int start)
    {
        var last = start + _maxParagraph - 1;
        for (var i = last; i > start; i--)
        {
            if (buffer[i] == '\n')
                return i + 1 - start;
        }
        for (var i = last; i > start; i--)
        {
            if (char.IsWhiteSpace(buffer[i]))
                return i + 1 - start;
        }
        // Never split a surrogate pair.
        return char.IsHighSurrogate(buffer[last]) ? _maxParagraph - 1 : _maxParagraph;
    }
}
