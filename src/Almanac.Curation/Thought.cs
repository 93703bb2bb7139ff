namespace Almanac.Curation;

/// <summary>A quotation a source offers as its "thought for the day", with its author when the source names one.</summary>
public sealed record Thought(string Quotation, string? Author, string DocumentId)
{
    private const string Cue = "Thought for the Day:";
    private const int MaxQuotationLength = 600;
    private const int MaxAuthorLength = 80;

    /// <summary>
    /// Finds the block after a "Thought for the Day:" heading: the quotation, then a short line
    /// naming its author (no closing punctuation). Null when the document has no such heading.
    /// </summary>
    public static Thought? Find(string documentId, string text)
    {
        var at = text.IndexOf(Cue, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return null;
        var after = text[(at + Cue.Length)..];
        var lines = after.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || lines[0].Length > MaxQuotationLength)
            return null;
        var author = lines.Length > 1 && lines[1].Length <= MaxAuthorLength && !lines[1].EndsWith(':') && !char.IsPunctuation(lines[1][^1])
            ? lines[1]
            : null;
        return new Thought(lines[0], author, documentId);
    }
}
