using System.Buffers;
using System.Reflection;
using System.Text.RegularExpressions;
using Almanac.Core;
using Almanac.Temporal.Normalization;

namespace Almanac.Temporal.Rules;

/// <summary>
/// The loaded, validated rules, indexed by the word they can start with, so the tagger only tries
/// the few rules that can match at a given word (the Markdig opening-character idea).
/// </summary>
internal sealed class RuleSet
{
    /// <summary>
    /// Longest a single match may take. The patterns are linear, so only hostile input comes near it. It
    /// is far above any pause a busy machine imposes (a 2 s limit once dropped tags under load, so results
    /// depended on the machine); a match that still runs out stops the document visibly (see TemporalTagger).
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How far after a word the word a rule needs (its needs: line) is looked for: further than any expression
    /// of those rules is written before that word ("a little more than twenty-four hours from now" has its "now"
    /// 41 characters in). The examples are checked against it at load.
    /// </summary>
    public const int NeedsReach = 64;

    public const RegexOptions PatternOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>How a number is known in the index: "#" and its count of digits ("#4" for 1956), at most <see cref="LongestNumber"/>.</summary>
    public static string NumberWord(int digits) => NumberWords[Math.Min(digits, LongestNumber) - 1];

    private const int LongestNumber = 9;
    private static readonly string[] NumberWords = Enumerable.Range(1, LongestNumber).Select(n => "#" + n).ToArray();

    /// <summary>The number shapes a starts: item may name, as index words.</summary>
    private static readonly Dictionary<string, string[]> NumberShapes = new(StringComparer.Ordinal)
    {
        ["#digit"] = NumberWords,
        ["#day"] = NumberWords[..2],
        ["#count"] = NumberWords[..3],
        ["#year"] = [NumberWords[3]],
    };

    private readonly Dictionary<string, StartEntry>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;

    /// <summary>
    /// Which (length, first letter, last letter) shapes some start word has: most words of a text start no
    /// rule, and this tells most of them apart without hashing the word.
    /// </summary>
    private readonly bool[] _startShapes = new bool[ShapeLengths * ShapeLetters * ShapeLetters];

    private const int ShapeLengths = 32;
    private const int ShapeLetters = 27;

    private RuleSet(IReadOnlyList<Rule> rules, Vocabulary vocabulary, Dictionary<string, StartEntry> byFirstWord)
    {
        Rules = rules;
        Vocabulary = vocabulary;
        _byFirstWord = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in byFirstWord.Keys.Where(w => w.Length > 0))
            _startShapes[Shape(word)] = true;
    }

    private static int Shape(ReadOnlySpan<char> word) =>
        (Math.Min(word.Length, ShapeLengths - 1) * ShapeLetters + Letter(word[0])) * ShapeLetters + Letter(word[^1]);

    /// <summary>A letter as 0-25 whatever its case; any other character as 26.</summary>
    private static int Letter(char c) => (c | 0x20) is var lower and >= 'a' and <= 'z' ? lower - 'a' : 26;

    public IReadOnlyList<Rule> Rules { get; }
    public Vocabulary Vocabulary { get; }

    /// <summary>
    /// The rules that can start with this word (any case; a number is <see cref="NumberWord"/>) when the
    /// next word is <paramref name="next"/>, in file order. "the" alone starts nothing; "the 1930s" does.
    /// </summary>
    public Rule[] Candidates(ReadOnlySpan<char> word, ReadOnlySpan<char> next) => Start(word)?.For(next) ?? [];

    /// <summary>The rules a word can start, by the word after it; null when the word starts none (most words).</summary>
    public StartEntry? Start(ReadOnlySpan<char> word) =>
        word.Length > 0 && _startShapes[Shape(word)] && _byFirstWord.TryGetValue(word, out var entry) ? entry : null;

    public static RuleSet LoadEmbedded()
    {
        var assembly = typeof(RuleSet).Assembly;
        var vocabulary = Vocabulary.Parse(OpenResource(assembly, "vocabulary.txt"));
        return Load(OpenResource(assembly, "rules.txt"), vocabulary);
    }

    public static RuleSet Load(TextReader rulesText, Vocabulary vocabulary)
    {
        var rules = new List<Rule>();
        foreach (var block in ReadBlocks(rulesText))
            rules.Add(Compile(block, rules.Count, vocabulary));
        var badHoliday = vocabulary.Values("holiday").FirstOrDefault(v => Holiday.Parse(v) is null);
        if (badHoliday is not null)
            throw new InvalidDataException($"Temporal vocabulary 'holiday' has value '{badHoliday}', which names no day (see Holiday).");
        var duplicate = rules.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidDataException($"Temporal rule '{duplicate.Key}' is defined twice.");

        var any = new Dictionary<string, HashSet<Rule>>(StringComparer.OrdinalIgnoreCase);
        var second = new Dictionary<string, Dictionary<string, HashSet<Rule>>>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            foreach (var (first, next) in rule.Starts.SelectMany(s => Openings(s, vocabulary, rule.Name)))
            {
                if (next is null)
                {
                    Add(any, first, rule);
                    continue;
                }
                if (!second.TryGetValue(first, out var byNext))
                    second[first] = byNext = new Dictionary<string, HashSet<Rule>>(StringComparer.OrdinalIgnoreCase);
                Add(byNext, next, rule);
            }
        }
        var index = new Dictionary<string, StartEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var first in any.Keys.Union(second.Keys, StringComparer.OrdinalIgnoreCase))
        {
            var always = any.GetValueOrDefault(first) ?? [];
            var bySecond = second.GetValueOrDefault(first)?.ToDictionary(
                p => p.Key, p => Ordered(always.Union(p.Value)), StringComparer.OrdinalIgnoreCase);
            index[first] = new StartEntry(Ordered(always), bySecond?.GetAlternateLookup<ReadOnlySpan<char>>());
        }
        return new RuleSet(rules, vocabulary, index);
    }

    /// <summary>The (first word, second word or null) pairs one starts: item stands for: "the", "{rel}", "the {mod}", "the #digit".</summary>
    private static IEnumerable<(string First, string? Second)> Openings(string item, Vocabulary vocabulary, string ruleName)
    {
        var parts = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2)
            throw new InvalidDataException($"Temporal rule '{ruleName}' has a starts: item of {parts.Length} words: '{item}'.");
        var firsts = Part(parts[0], vocabulary, ruleName);
        if (parts.Length == 1)
            return firsts;
        // An entry of two words already says what follows it ("the previous" of {rel}); a one-word
        // entry is followed by the second part ("last" then {unit}).
        var seconds = Part(parts[1], vocabulary, ruleName).Select(o => o.First).Distinct().ToArray();
        return firsts.Where(f => f.Second is not null)
            .Concat(firsts.Where(f => f.Second is null).Select(f => f.First).Distinct().SelectMany(f => seconds.Select(s => (f, (string?)s))))
            .Distinct();
    }

    private static IEnumerable<(string First, string? Second)> Part(string part, Vocabulary vocabulary, string ruleName)
    {
        if (NumberShapes.TryGetValue(part, out var shapes))
            return shapes.Select(w => (w, (string?)null));
        if (part.StartsWith('#') && !NumberWords.Contains(part))
            throw new InvalidDataException($"Temporal rule '{ruleName}' starts with unknown number shape '{part}'.");
        if (!part.StartsWith('{'))
            return [(part.ToLowerInvariant(), null)];
        var list = part.TrimStart('{').TrimEnd('}');
        if (!part.EndsWith('}') || !vocabulary.HasList(list))
            throw new InvalidDataException($"Temporal rule '{ruleName}' starts with unknown vocabulary '{part}'.");
        return vocabulary.Openings(list);
    }

    private static void Add(Dictionary<string, HashSet<Rule>> map, string key, Rule rule)
    {
        if (!map.TryGetValue(key, out var set))
            map[key] = set = [];
        set.Add(rule);
    }

    private static Rule[] Ordered(IEnumerable<Rule> rules) => rules.Distinct().OrderBy(r => r.Order).ToArray();

    /// <summary>The rules for one first word: those that start there whatever follows, and per second word the full set.</summary>
    internal sealed record StartEntry(Rule[] Any, Dictionary<string, Rule[]>.AlternateLookup<ReadOnlySpan<char>>? BySecond)
    {
        /// <summary>The rules to try when <paramref name="next"/> follows, in file order.</summary>
        public Rule[] For(ReadOnlySpan<char> next) => BySecond is { } bySecond && bySecond.TryGetValue(next, out var rules) ? rules : Any;
    }

    private static Rule Compile(Dictionary<string, List<string>> block, int order, Vocabulary vocabulary)
    {
        var name = Single(block, "rule", "?");
        var pattern = Single(block, "pattern", name);
        var typeText = Single(block, "type", name);
        if (!Enum.TryParse<TimexType>(typeText, ignoreCase: true, out var type))
            throw new InvalidDataException($"Temporal rule '{name}' has unknown type '{typeText}'.");

        // \G anchors the match at the word the tagger tries; the look-ahead keeps "May" out of "Mayor".
        var regex = new RulePattern(name, @"\G(?:" + vocabulary.Expand(pattern, name) + @")(?![\p{L}\p{N}])", PatternOptions, MatchTimeout);
        var unknownGroup = regex.GroupNames.FirstOrDefault(g => !Normalizer.KnownGroups.Contains(g));
        if (unknownGroup is not null)
            throw new InvalidDataException($"Temporal rule '{name}' uses unknown group '{unknownGroup}'.");

        var starts = Single(block, "starts", name).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        var examples = block.GetValueOrDefault("example", []).Select(e =>
        {
            var arrow = e.LastIndexOf("=>", StringComparison.Ordinal);
            if (arrow < 0)
                throw new InvalidDataException($"Temporal rule '{name}' has an example without '=> value': '{e}'.");
            return new RuleExample(e[..arrow].Trim(), e[(arrow + 2)..].Trim());
        }).ToArray();

        var relText = Optional(block, "rel", name);
        int? rel = null;
        if (relText is not null)
            rel = int.TryParse(relText, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var shift)
                ? shift
                : throw new InvalidDataException($"Temporal rule '{name}' has rel '{relText}', not a whole number.");
        return new Rule(name, order, regex, type,
            Optional(block, "value", name), Optional(block, "mod", name), Optional(block, "quant", name), rel,
            starts, examples, Needs(Optional(block, "needs", name), examples, name));
    }

    /// <summary>
    /// The words of a needs: line, one of which every match of the rule contains (a prefilter: the pattern
    /// is tried only where one of them follows). Each example the rule must tag is checked to contain one
    /// within <see cref="NeedsReach"/>, so a needs: line that would hide a match the rule is written for fails
    /// at load, naming the rule.
    /// </summary>
    private static SearchValues<string>? Needs(string? line, IReadOnlyList<RuleExample> examples, string ruleName)
    {
        if (line is null)
            return null;
        var words = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            throw new InvalidDataException($"Temporal rule '{ruleName}' has an empty needs: line.");
        foreach (var example in examples.Where(e => e.Expected != "none"))
        {
            // "[the year] ended March 31": the part in brackets is the match.
            var text = example.Text;
            var tagged = text.Contains('[', StringComparison.Ordinal) ? text[(text.IndexOf('[') + 1)..text.IndexOf(']')] : text;
            var within = tagged[..Math.Min(tagged.Length, NeedsReach)];
            if (!words.Any(w => within.Contains(w, StringComparison.OrdinalIgnoreCase)))
                throw new InvalidDataException($"Temporal rule '{ruleName}' needs one of '{line}' within {NeedsReach} characters, but its example '{text}' has none there.");
        }
        return SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<Dictionary<string, List<string>>> ReadBlocks(TextReader reader)
    {
        var block = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (true)
        {
            var raw = reader.ReadLine();
            if (raw is null || raw.Trim().Length == 0)
            {
                if (block.Count > 0)
                    yield return block;
                if (raw is null)
                    yield break;
                block = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                continue;
            }
            if (raw.TrimStart().StartsWith('#'))
                continue;
            var colon = raw.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0)
                throw new InvalidDataException($"Temporal rules line is not 'key: value': '{raw}'.");
            var key = raw[..colon].Trim();
            if (key is not ("rule" or "example" or "starts" or "type" or "pattern" or "value" or "mod" or "quant" or "rel" or "needs"))
                throw new InvalidDataException($"Temporal rules line has unknown key '{key}': '{raw}'.");
            if (!block.TryGetValue(key, out var values))
                block[key] = values = [];
            values.Add(raw[(colon + 2)..].Trim());
        }
    }

    private static string Single(Dictionary<string, List<string>> block, string key, string ruleName) =>
        Optional(block, key, ruleName) ?? throw new InvalidDataException($"Temporal rule '{ruleName}' has no '{key}:' line.");

    private static string? Optional(Dictionary<string, List<string>> block, string key, string ruleName)
    {
        if (!block.TryGetValue(key, out var values))
            return null;
        return values.Count == 1 ? values[0] : throw new InvalidDataException($"Temporal rule '{ruleName}' has {values.Count} '{key}:' lines.");
    }

    private static StreamReader OpenResource(Assembly assembly, string file) =>
        new(assembly.GetManifestResourceStream("Almanac.Temporal." + file)
            ?? throw new InvalidDataException($"Temporal resource '{file}' is not embedded."));
}
