using System.Text.RegularExpressions;
using Almanac.Core;

namespace Almanac.Text.Structure;

/// <summary>What a pattern of <c>Resources/daypage.txt</c> recognises.</summary>
internal enum PatternRole
{
    Day,
    PageYear,
    Section,
    Entry,
    Start,
    Label,
    Run,
    Item,
}

/// <summary>One pattern of the day-page data file, with the kind it gives (sections, labels, runs) and its examples.</summary>
internal sealed record DayPagePattern(PatternRole Role, MentionKind Kind, string Name, Regex Regex, IReadOnlyList<string> Examples, int Line);

/// <summary>
/// The day-page patterns, loaded from the embedded <c>daypage.txt</c> and validated at load: an unknown
/// <c>{piece}</c>, a bad regular expression, an entry without a year group or a pattern without an example fails
/// loudly, naming the line. The patterns carry a match timeout: some need look-around, which the non-backtracking
/// engine does not offer, and a page is untrusted input. The bound is generous: it is wall-clock time, and a tight one
/// fired on honest lines when the machine was loaded (a stalled thread counts), silently changing what a page yields.
/// </summary>
internal sealed partial class DayPagePatterns
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private static readonly Lazy<DayPagePatterns> DefaultPatterns = new(() => Parse(Lexicon.Lines("daypage.txt")));

    public static DayPagePatterns Default => DefaultPatterns.Value;

    private DayPagePatterns(IReadOnlyList<DayPagePattern> all) => All = all;

    public IReadOnlyList<DayPagePattern> All { get; }

    public IEnumerable<DayPagePattern> Of(PatternRole role) => All.Where(p => p.Role == role);

    public DayPagePattern Named(PatternRole role, string name) =>
        All.Single(p => p.Role == role && p.Name == name);

    public static DayPagePatterns Parse(IReadOnlyList<(int Line, string Text)> lines)
    {
        var pieces = new Dictionary<string, string>(StringComparer.Ordinal);
        var patterns = new List<DayPagePattern>();
        foreach (var (number, text) in lines)
        {
            if (text.StartsWith("define ", StringComparison.Ordinal))
            {
                var equals = text.IndexOf(" = ", StringComparison.Ordinal);
                if (equals < 0)
                    throw Invalid(number, "a define needs 'define NAME = REGEX'");
                pieces[text[7..equals].Trim()] = Expand(text[(equals + 3)..].Trim(), pieces, number);
                continue;
            }
            if (text.StartsWith("example:", StringComparison.Ordinal))
            {
                if (patterns.Count == 0)
                    throw Invalid(number, "an example before any pattern");
                var last = patterns[^1];
                patterns[^1] = last with { Examples = [.. last.Examples, text[8..].TrimStart()] };
                continue;
            }
            var colon = text.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0)
                throw Invalid(number, "expected 'ROLE [KIND] NAME: REGEX', 'define' or 'example:'");
            var head = text[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!Enum.TryParse<PatternRole>(head[0], ignoreCase: true, out var role))
                throw Invalid(number, $"unknown role '{head[0]}'");
            var hasKind = role is PatternRole.Section or PatternRole.Label or PatternRole.Run;
            if (head.Length != (hasKind ? 3 : 2))
                throw Invalid(number, hasKind ? $"'{head[0]}' needs a kind and a name" : $"'{head[0]}' needs a name");
            var kind = MentionKind.Event;
            if (hasKind && !Enum.TryParse(head[1], ignoreCase: false, out kind))
                throw Invalid(number, $"unknown kind '{head[1]}' (Event, Birth, Death, Holiday)");
            Regex regex;
            try
            {
                regex = new Regex(Expand(text[(colon + 2)..].Trim(), pieces, number),
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException e)
            {
                throw Invalid(number, $"bad regular expression: {e.Message}");
            }
            var groups = regex.GetGroupNames();
            if (role is PatternRole.Entry or PatternRole.Item or PatternRole.PageYear && head[^1] != "joiner"
                && !groups.Contains("year") && !(role == PatternRole.Entry && groups.Contains("ago")))
                throw Invalid(number, "an entry needs a (?<year>…) group (or, dated from the page's year, an (?<ago>…) group)");
            patterns.Add(new DayPagePattern(role, kind, head[^1], regex, [], number));
        }
        if (patterns.FirstOrDefault(p => p.Examples.Count == 0) is { } bare)
            throw Invalid(bare.Line, $"pattern '{bare.Name}' has no example");
        return new DayPagePatterns(patterns);
    }

    private static string Expand(string regex, Dictionary<string, string> pieces, int line) =>
        Piece().Replace(regex, m => pieces.TryGetValue(m.Groups["name"].Value, out var piece)
            ? piece
            : throw Invalid(line, $"unknown piece {{{m.Groups["name"].Value}}}"));

    private static InvalidDataException Invalid(int line, string message) => new($"daypage.txt line {line}: {message}");

    [GeneratedRegex(@"\{(?<name>[a-z]+)\}")]
    private static partial Regex Piece();
}
