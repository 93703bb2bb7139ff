using System.Text;
using System.Text.RegularExpressions;

namespace Almanac.Temporal.Rules;

/// <summary>
/// The named word lists and shared sub-patterns of vocabulary.txt. A vocabulary maps each surface
/// form to its normalized value; a rule pastes it into a pattern as an alternation.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, Dictionary<string, string>> _lists;
    private readonly Dictionary<string, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>> _bySpan;
    private readonly Dictionary<string, string> _patterns;

    private Vocabulary(Dictionary<string, Dictionary<string, string>> lists, Dictionary<string, string> patterns)
    {
        _lists = lists;
        _bySpan = lists.ToDictionary(l => l.Key, l => l.Value.GetAlternateLookup<ReadOnlySpan<char>>(), StringComparer.Ordinal);
        _patterns = patterns;
    }

    public bool HasList(string name) => _lists.ContainsKey(name);

    /// <summary>
    /// The normalized value of a surface form, comparing case- and spacing-insensitively. A surface written as
    /// the entries are (words one space apart) is looked up as it is, without a copy: the tagger looks words
    /// up for every match and for every word of a sentence with a weekday.
    /// </summary>
    public string? Lookup(string list, ReadOnlySpan<char> surface)
    {
        if (!_bySpan.TryGetValue(list, out var entries))
            return null;
        if (IsSingleSpaced(surface))
            return entries.TryGetValue(surface, out var value) ? value : null;
        return entries.Dictionary.TryGetValue(Key(surface), out var normalized) ? normalized : null;
    }

    /// <summary>Whether the text is words one space apart, with no white space around them.</summary>
    private static bool IsSingleSpaced(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
            return text.Length == 0;
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || text[i + 1] == ' '))
                return false;
        }
        return true;
    }

    /// <summary>The distinct normalized values of a list (none when there is no such list), for validating them at load.</summary>
    public IEnumerable<string> Values(string list) => _lists.TryGetValue(list, out var entries) ? entries.Values.Distinct() : [];

    /// <summary>
    /// The words an entry of the list begins with, lower case: its first word, and its second when
    /// it has one ("the previous" gives ("the", "previous"), "last" gives ("last", null)).
    /// </summary>
    public IEnumerable<(string First, string? Second)> Openings(string list) =>
        _lists[list].Keys.Select(Opening).Where(o => o.First.Length > 0).Distinct();

    private static (string First, string? Second) Opening(string phrase)
    {
        var words = phrase.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.TakeWhile(char.IsLetterOrDigit).ToArray()))
            .ToArray();
        return (words.Length > 0 ? words[0] : "", words.Length > 1 && words[1].Length > 0 ? words[1] : null);
    }

    /// <summary>
    /// Replaces each {name} in a pattern by the named pattern or by the vocabulary's alternation
    /// (longest entry first so "Sept" wins over "Sep"). Unknown names are reported, not guessed.
    /// </summary>
    public string Expand(string pattern, string ruleName, int depth = 0)
    {
        if (depth > 8)
            throw new InvalidDataException($"Temporal rule '{ruleName}': pattern references nest too deep.");
        return Regex.Replace(pattern, @"\{([a-z][a-z0-9]*)\}", m =>
        {
            var name = m.Groups[1].Value;
            if (_patterns.TryGetValue(name, out var sub))
                return "(?:" + Expand(sub, ruleName, depth + 1) + ")";
            if (_lists.TryGetValue(name, out var entries))
                return "(?:" + string.Join("|", entries.Keys.OrderByDescending(k => k.Length).Select(Alternative)) + ")";
            throw new InvalidDataException($"Temporal rule '{ruleName}' references unknown vocabulary or pattern '{{{name}}}'.");
        });
    }

    public static Vocabulary Parse(TextReader reader)
    {
        var lists = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var patterns = new Dictionary<string, string>(StringComparer.Ordinal);
        Dictionary<string, string>? list = null;
        string? patternName = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (line.StartsWith("[vocab ", StringComparison.Ordinal) && line.EndsWith(']'))
            {
                list = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                lists.Add(line[7..^1].Trim(), list);
                patternName = null;
            }
            else if (line.StartsWith("[pattern ", StringComparison.Ordinal) && line.EndsWith(']'))
            {
                patternName = line[9..^1].Trim();
                list = null;
            }
            else if (patternName is not null)
            {
                patterns.Add(patternName, line);
                patternName = null;
            }
            else if (list is not null && line.IndexOf(" = ", StringComparison.Ordinal) is var eq and > 0)
            {
                var value = line[..eq].Trim();
                foreach (var surface in line[(eq + 3)..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    list[Key(surface)] = value;
            }
            else
            {
                throw new InvalidDataException($"Temporal vocabulary line {lineNumber} is not understood: '{line}'.");
            }
        }
        return new Vocabulary(lists, patterns);
    }

    /// <summary>Lower case with runs of white space as one space: how captured text is looked up.</summary>
    private static string Key(ReadOnlySpan<char> surface)
    {
        var builder = new StringBuilder(surface.Length);
        var space = false;
        foreach (var c in surface)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
                builder.Append(' ');
            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static string Alternative(string key) => Regex.Escape(key).Replace("\\ ", "\\s+", StringComparison.Ordinal);
}
