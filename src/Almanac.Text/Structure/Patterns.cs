using System.Text.RegularExpressions;

namespace Almanac.Text.Structure;

/// <summary>Matching that treats a timed-out match as no match: page text is untrusted, and a slow line is not an entry.</summary>
internal static class Patterns
{
    public static Match Match(Regex regex, string text)
    {
        try
        {
            return regex.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return System.Text.RegularExpressions.Match.Empty;
        }
    }

    public static IReadOnlyList<Match> Matches(Regex regex, string text)
    {
        try
        {
            return regex.Matches(text).ToList();
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
    }
}
