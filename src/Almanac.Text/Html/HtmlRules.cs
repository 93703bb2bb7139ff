using System.Collections.Frozen;

namespace Almanac.Text.Html;

/// <summary>Which elements the HTML reader skips (Resources/html.txt), loaded and validated once.</summary>
internal sealed class HtmlRules
{
    private HtmlRules(FrozenSet<string> tags, FrozenSet<string> roles, FrozenSet<string> tokens, FrozenSet<string> modifiers)
    {
        Tags = tags;
        Roles = roles;
        Tokens = tokens;
        Modifiers = modifiers;
    }

    public FrozenSet<string> Tags { get; }
    public FrozenSet<string> Roles { get; }
    public FrozenSet<string> Tokens { get; }
    public FrozenSet<string> Modifiers { get; }

    public static HtmlRules Default { get; } = Load("html.txt");

    private static HtmlRules Load(string resource)
    {
        var sets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["tag"] = [], ["role"] = [], ["token"] = [], ["modifier"] = [],
        };
        foreach (var (line, text) in Lexicon.Lines(resource))
        {
            var colon = text.IndexOf(':');
            var kind = colon > 0 ? text[..colon].Trim() : "";
            var value = text[(colon + 1)..].Trim().ToLowerInvariant();
            if (!sets.TryGetValue(kind, out var set) || value.Length == 0)
                throw new InvalidDataException($"{resource} line {line}: expected 'tag:', 'role:', 'token:' or 'modifier:' and a value, got \"{text}\"");
            set.Add(value);
        }
        return new(sets["tag"].ToFrozenSet(), sets["role"].ToFrozenSet(), sets["token"].ToFrozenSet(), sets["modifier"].ToFrozenSet());
    }

    /// <summary>True when a class or id value names boilerplate: "site-footer", "comment-list", but not "has-sidebar".</summary>
    public bool IsBoilerplateName(string value)
    {
        string? previous = null;
        foreach (var word in value.Split([' ', '-', '_', '\t', '\n', ':', '.', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            // camelCase names ("mainNav") are lower-cased whole; only separators split words.
            var lower = word.ToLowerInvariant();
            if (Tokens.Contains(lower) && (previous is null || !Modifiers.Contains(previous)))
                return true;
            previous = lower;
        }
        return false;
    }
}
