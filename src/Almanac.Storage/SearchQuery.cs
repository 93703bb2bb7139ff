using System.Text;

namespace Almanac.Storage;

/// <summary>Turns what a person typed into the words a full-text index can match, dropping its operators.</summary>
public static class SearchQuery
{
    public const int MaxLength = 500;
    private const int MaxTerms = 16;

    /// <summary>The query's words (letters and digits), lower-cased, at most <see cref="MaxTerms"/>.</summary>
    public static IReadOnlyList<string> Terms(string query)
    {
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in query.AsSpan(0, Math.Min(query.Length, MaxLength)))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            Flush();
        }
        Flush();
        return terms;

        void Flush()
        {
            if (word.Length > 0 && terms.Count < MaxTerms)
                terms.Add(word.ToString());
            word.Clear();
        }
    }
}
