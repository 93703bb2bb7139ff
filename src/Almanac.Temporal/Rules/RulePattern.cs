using System.Text.RegularExpressions;

namespace Almanac.Temporal.Rules;

/// <summary>
/// A rule's regular expression, interpreted at first and compiled once it has been tried often enough to repay it.
/// Compiling the 76 rules up front (emitting and JIT-compiling large patterns) cost 2–3 s of every run's start-up, the
/// better part of a one-document ingest; compiled code matches under twice as fast, which only repays that past about
/// 70 MB of text (`bench/tag-cli.sh`: 30 MB took 5.3 s compiled, 3.6 s interpreted). So a pattern is compiled on a pool
/// thread after <see cref="TriesBeforeCompiling"/> tries, and used from then on; both forms match alike.
/// </summary>
internal sealed class RulePattern
{
    /// <summary>Tries after which a pattern is compiled: the busiest rules reach it after some tens of megabytes of text.</summary>
    public const int TriesBeforeCompiling = 1_000_000;

    private readonly string _pattern;
    private readonly RegexOptions _options;
    private readonly TimeSpan _timeout;
    private readonly int _triesBeforeCompiling;
    private Regex _regex;
    private int _tries;

    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    public RulePattern(string pattern, RegexOptions options, TimeSpan timeout, int triesBeforeCompiling = TriesBeforeCompiling)
    {
        (_pattern, _options, _timeout, _triesBeforeCompiling) = (pattern, options, timeout, triesBeforeCompiling);
        _regex = new Regex(pattern, options, timeout);
    }

    /// <summary>Whether the compiled form is in use yet.</summary>
    public bool IsCompiled => Volatile.Read(ref _regex).Options.HasFlag(RegexOptions.Compiled);

    public string[] GetGroupNames() => _regex.GetGroupNames();

    public Match Match(string text, int start)
    {
        if (_tries < _triesBeforeCompiling && Interlocked.Increment(ref _tries) == _triesBeforeCompiling)
            ThreadPool.UnsafeQueueUserWorkItem(static pattern => pattern.Compile(), this, preferLocal: false);
        return Volatile.Read(ref _regex).Match(text, start);
    }

    public override string ToString() => _pattern;

    private void Compile()
    {
        var compiled = new Regex(_pattern, _options | RegexOptions.Compiled, _timeout);
        // The first match JIT-compiles the emitted code: here, not on a tagging thread.
        compiled.Match("");
        Volatile.Write(ref _regex, compiled);
    }
}
