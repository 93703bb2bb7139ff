using System.Text;

namespace Almanac.Storage;

/// <summary>
/// A query as full-text matches, from what a reader means most to least: the typed words as a phrase in
/// a title ("Apollo 11" names the landing), the phrase anywhere, every word anywhere, any word. Both stores
/// rank an event by the first of these it matches, then by their text rank.
/// </summary>
public sealed record SearchMatches(string TitlePhrase, string Phrase, string AllWords, string AnyWord);

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

    /// <summary>
    /// SQLite FTS5 match expressions. Every word is quoted (terms hold only letters and digits), so nothing a
    /// person types is read as an operator; null when the query has no word.
    /// </summary>
    public static SearchMatches? Fts5(string query, string titleColumn)
    {
        var terms = Terms(query);
        if (terms.Count == 0)
            return null;
        var phrase = "\"" + string.Join(' ', terms) + "\"";
        return new SearchMatches($"{titleColumn} : {phrase}", phrase, string.Join(" AND ", terms.Select(Quoted)), string.Join(" OR ", terms.Select(Quoted)));

        static string Quoted(string term) => $"\"{term}\"";
    }

    /// <summary>
    /// PostgreSQL tsquery texts for to_tsquery, the title being the vectors' weight A. Terms hold only letters and
    /// digits, so nothing a person types reaches to_tsquery as an operator; null when the query has no word.
    /// </summary>
    public static SearchMatches? TsQuery(string query)
    {
        var terms = Terms(query);
        if (terms.Count == 0)
            return null;
        return new SearchMatches(string.Join(" <-> ", terms.Select(t => t + ":A")), string.Join(" <-> ", terms), string.Join(" & ", terms), string.Join(" | ", terms));
    }
}
