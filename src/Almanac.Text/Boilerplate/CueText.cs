using System.Text;

namespace Almanac.Text.Boilerplate;

/// <summary>
/// The comparable form of a line for cue matching: lower-case letters, '#' for each run of digits, '©' kept,
/// every other run of characters one space. "Comments ( 1 )" and "comments (12)" both become "comments #".
/// </summary>
internal static class CueText
{
    public static string Normalize(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        var lastWasDigit = false;
        foreach (var c in text)
        {
            if (char.IsLetter(c) || c == '©')
            {
                AppendToken(char.ToLowerInvariant(c));
                lastWasDigit = false;
            }
            else if (char.IsDigit(c))
            {
                if (!lastWasDigit)
                    AppendToken('#');
                lastWasDigit = true;
            }
            else
            {
                pendingSpace = builder.Length > 0;
                lastWasDigit = false;
            }
        }
        return builder.ToString();

        void AppendToken(char c)
        {
            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
    }

    /// <summary>True when <paramref name="text"/> is <paramref name="cue"/> or starts with it followed by a space.</summary>
    public static bool StartsWithCue(string text, string cue) =>
        text.StartsWith(cue, StringComparison.Ordinal) && (text.Length == cue.Length || text[cue.Length] == ' ');

    public static bool EndsWithCue(string text, string cue) =>
        text.EndsWith(cue, StringComparison.Ordinal) && (text.Length == cue.Length || text[^(cue.Length + 1)] == ' ');

    public static bool ContainsCue(string text, string cue)
    {
        for (var at = text.IndexOf(cue, StringComparison.Ordinal); at >= 0; at = text.IndexOf(cue, at + 1, StringComparison.Ordinal))
        {
            var startsWord = at == 0 || text[at - 1] == ' ';
            var endsWord = at + cue.Length == text.Length || text[at + cue.Length] == ' ';
            if (startsWord && endsWord)
                return true;
        }
        return false;
    }

    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord)
                count++;
            inWord = !isSpace;
        }
        return count;
    }
}
