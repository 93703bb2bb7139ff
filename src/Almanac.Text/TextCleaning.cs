namespace Almanac.Text;

internal static class TextCleaning
{
    /// <summary>
    /// Zero-width characters, soft hyphens and control characters change nothing a reader sees, but would split
    /// words and dates for later stages ("Feb\u00AD.", "19\u200B56"), so readers drop them.
    /// </summary>
    public static bool IsInvisible(char c) =>
        c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' || (char.IsControl(c) && c is not '\n' and not '\t');
}
