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
    /// <summary>Longest a single match may take; the patterns are linear, so hitting it means hostile input.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private const RegexOptions Options =
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled;

    private readonly Dictionary<string, Rule[]>.AlternateLookup<ReadOnlySpan<char>> _byWord;

    private RuleSet(IReadOnlyList<Rule> rules, Vocabulary vocabulary, Rule[] digitRules, Dictionary<string, Rule[]> byWord)
    {
        Rules = rules;
        Vocabulary = vocabulary;
        DigitRules = digitRules;
        _byWord = byWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<Rule> Rules { get; }
    public Vocabulary Vocabulary { get; }

    /// <summary>Rules that can start at a number, in file order.</summary>
    public Rule[] DigitRules { get; }

    /// <summary>Rules that can start at this word (any case), in file order.</summary>
    public Rule[] ForWord(ReadOnlySpan<char> word) => _byWord.TryGetValue(word, out var rules) ? rules : [];

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
        var duplicate = rules.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidDataException($"Temporal rule '{duplicate.Key}' is defined twice.");

        var byWord = new Dictionary<string, List<Rule>>(StringComparer.OrdinalIgnoreCase);
        var digit = new List<Rule>();
        foreach (var rule in rules)
        {
            foreach (var start in rule.Starts)
            {
                if (start == "#digit")
                {
                    digit.Add(rule);
                    continue;
                }
                IEnumerable<string> words = start.StartsWith('{')
                    ? vocabulary.FirstWords(start[1..^1])
                    : [start];
                foreach (var word in words)
                {
                    if (!byWord.TryGetValue(word, out var list))
                        byWord[word] = list = [];
                    if (!list.Contains(rule))
                        list.Add(rule);
                }
            }
        }
        return new RuleSet(rules, vocabulary, digit.Distinct().ToArray(),
            byWord.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase));
    }

    private static Rule Compile(Dictionary<string, List<string>> block, int order, Vocabulary vocabulary)
    {
        var name = Single(block, "rule", "?");
        var pattern = Single(block, "pattern", name);
        var typeText = Single(block, "type", name);
        if (!Enum.TryParse<TimexType>(typeText, ignoreCase: true, out var type))
            throw new InvalidDataException($"Temporal rule '{name}' has unknown type '{typeText}'.");

        Regex regex;
        try
        {
            // \G anchors the match at the word the tagger tries; the look-ahead keeps "May" out of "Mayor".
            regex = new Regex(@"\G(?:" + vocabulary.Expand(pattern, name) + @")(?![\p{L}\p{N}])", Options, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"Temporal rule '{name}' has an invalid pattern: {e.Message}", e);
        }
        foreach (var group in regex.GetGroupNames())
        {
            if (group != "0" && !Normalizer.KnownGroups.Contains(group))
                throw new InvalidDataException($"Temporal rule '{name}' uses unknown group '{group}'.");
        }

        var starts = Single(block, "starts", name).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var start in starts.Where(s => s.StartsWith('{')))
        {
            if (!start.EndsWith('}') || !vocabulary.HasList(start[1..^1]))
                throw new InvalidDataException($"Temporal rule '{name}' starts with unknown vocabulary '{start}'.");
        }

        var examples = block.GetValueOrDefault("example", []).Select(e =>
        {
            var arrow = e.LastIndexOf("=>", StringComparison.Ordinal);
            if (arrow < 0)
                throw new InvalidDataException($"Temporal rule '{name}' has an example without '=> value': '{e}'.");
            return new RuleExample(e[..arrow].Trim(), e[(arrow + 2)..].Trim());
        }).ToArray();

        return new Rule(name, order, regex, type,
            Optional(block, "value", name), Optional(block, "mod", name), Optional(block, "quant", name), Optional(block, "freq", name),
            starts, examples);
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
            if (key is not ("rule" or "example" or "starts" or "type" or "pattern" or "value" or "mod" or "quant" or "freq"))
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
