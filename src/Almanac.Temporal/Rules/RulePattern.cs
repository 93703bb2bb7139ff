using System.Text.RegularExpressions;

namespace Almanac.Temporal.Rules;

/// <summary>
/// A rule's regular expression, built when the rule is first tried, interpreted at first and compiled once it has been
/// tried often enough to repay it. Building all 76 interpreted patterns (parsing large alternations of vocabulary) was
/// work every command that tags did before its first word, where a short document tries only a few rules. Compiling them all up front (emitting and JIT-compiling large patterns) cost 2–3 s
/// of every run's start-up; compiled code matches under twice as fast, which only repays that past about 70 MB of text
/// (`bench/tag-cli.sh`: 30 MB took 5.3 s compiled, 3.6 s interpreted). So a pattern is compiled on a pool thread after
/// <see cref="TriesBeforeCompiling"/> tries, and used from then on; both forms match alike. Its named groups are read
/// from the pattern's text at load, so a rule naming a group the normalizer does not know still fails there.
/// </summary>
internal sealed class RulePattern
{
    /// <summary>Tries after which a pattern is compiled: the busiest rules reach it after some tens of megabytes of text.</summary>
    public const int TriesBeforeCompiling = 1_000_000;

    // "(?<name>" or "(?'name'" (a balancing group's "(?<name-other>" too), not after an escaping backslash: a group's opening.
    private static readonly Regex GroupOpening = new(@"(?<!(?<!\\)(?:\\\\)*\\)\(\?(?:<(?<name>[\p{L}_][\p{L}\p{N}_]*)(?:-[\p{L}\p{N}_]*)?>|'(?<name>[\p{L}_][\p{L}\p{N}_]*)')",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly string _name;
    private readonly string _pattern;
    private readonly RegexOptions _options;
    private readonly TimeSpan _timeout;
    private readonly int _triesBeforeCompiling;
    private Regex? _regex;
    private int _tries;

    /// <param name="name">The rule's name, for the error a pattern that is no regular expression gives when it is built.</param>
    public RulePattern(string name, string pattern, RegexOptions options, TimeSpan timeout, int triesBeforeCompiling = TriesBeforeCompiling)
    {
        (_name, _pattern, _options, _timeout, _triesBeforeCompiling) = (name, pattern, options, timeout, triesBeforeCompiling);
        GroupNames = GroupOpening.Matches(pattern).Select(m => m.Groups["name"].Value).Distinct().ToArray();
    }

    /// <summary>The names of the pattern's named groups, in the order they open.</summary>
    public IReadOnlyList<string> GroupNames { get; }

    /// <summary>Whether the pattern has been built yet (it is when it is first tried).</summary>
    public bool IsBuilt => Volatile.Read(ref _regex) is not null;

    /// <summary>Whether the compiled form is in use yet.</summary>
    public bool IsCompiled => Volatile.Read(ref _regex) is { } regex && regex.Options.HasFlag(RegexOptions.Compiled);

    /// <summary>The pattern as a regular expression, built now if it has not been.</summary>
    /// <exception cref="InvalidDataException">The pattern is not a valid regular expression; the message names the rule.</exception>
    public Regex Regex => Volatile.Read(ref _regex) ?? Build();

    public Match Match(string text, int start)
    {
        var regex = Regex;
        if (_tries < _triesBeforeCompiling && Interlocked.Increment(ref _tries) == _triesBeforeCompiling)
            ThreadPool.UnsafeQueueUserWorkItem(static pattern => pattern.Compile(), this, preferLocal: false);
        return regex.Match(text, start);
    }

    public override string ToString() => _pattern;

    private Regex Build()
    {
        Regex built;
        try
        {
            built = new Regex(_pattern, _options, _timeout);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"Temporal rule '{_name}' has an invalid pattern: {e.Message}", e);
        }
        // Two threads may build it at once; the first one kept is the one every thread uses.
        return Interlocked.CompareExchange(ref _regex, built, null) ?? built;
    }

    private void Compile()
    {
        var compiled = new Regex(_pattern, _options | RegexOptions.Compiled, _timeout);
        // The first match JIT-compiles the emitted code: here, not on a tagging thread.
        compiled.Match("");
        Volatile.Write(ref _regex, compiled);
    }
}
