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
    /// The words a query must find in a text to be about it: its words without the function words ("of", "the"),
    /// or all of them when it has nothing else.
    /// </summary>
    public static IReadOnlyList<string> ContentTerms(string query)
    {
        var terms = Terms(query);
        var content = terms.Where(t => !FunctionWords.Contains(t)).ToList();
        return content.Count > 0 ? content : terms;
    }

    /// <summary>
    /// True when the text is about what was asked: every number of the query is a word of the text ("Apollo 11" is not
    /// Apollo 1), and so are at least half of its other content words ("landing" may be "landed"), accents aside.
    /// </summary>
    public static bool IsAbout(string text, string query)
    {
        var words = WordsOf(text);
        var terms = ContentTerms(query);
        var numbers = terms.Where(t => t.Any(char.IsDigit)).ToList();
        var others = terms.Except(numbers).ToList();
        return numbers.All(Found) && others.Count(Found) * 2 >= others.Count;

        bool Found(string term) => words.Contains(term) || words.Any(word => SameButForAccents(word, term));
    }

    /// <summary>
    /// "gdańsk" and "gdansk": the same length and the same letters wherever both are ASCII. Text is read in
    /// composed form, one letter one character; the index removes accents the same way.
    /// </summary>
    private static bool SameButForAccents(string word, string term)
    {
        if (word.Length != term.Length || word.All(char.IsAscii))
            return false;
        for (var i = 0; i < word.Length; i++)
            if (char.IsAscii(word[i]) && char.IsAscii(term[i]) && word[i] != term[i])
                return false;
        return true;
    }

    /// <summary>The distinct words of a text, lower-cased: runs of letters and digits.</summary>
    public static HashSet<string> WordsOf(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "and", "or", "with", "from", "as", "is", "was", "de", "la", "le",
    };

    /// <summary>
    /// SQLite FTS5 match expressions. Every word is quoted (terms hold only letters and digits), so nothing a
    /// person types is read as an operator; null when the query has no word.
    /// </summary>
    public static SearchMatches? Fts5(string query, string titleColumn)
    {
        var terms = Terms(query);
        if (terms.Count == 0)
            return null;
        var content = ContentTerms(query);
        var phrase = "\"" + string.Join(' ', terms) + "\"";
        return new SearchMatches($"{titleColumn} : {phrase}", phrase, string.Join(" AND ", content.Select(Quoted)), string.Join(" OR ", content.Select(Quoted)));

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
        var content = ContentTerms(query);
        return new SearchMatches(string.Join(" <-> ", terms.Select(t => t + ":A")), string.Join(" <-> ", terms), string.Join(" & ", content), string.Join(" | ", content));
    }
}
