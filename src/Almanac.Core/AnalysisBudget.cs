using System.Diagnostics;

namespace Almanac.Core;

/// <summary>Thrown when analysing one document goes over its <see cref="AnalysisBudget"/>; the message says which limit.</summary>
public sealed class AnalysisBudgetExceededException(string message) : Exception(message);

/// <summary>
/// How much time and memory analysing one document may take. The stages call <see cref="Check"/> as they go
/// (the tagger every few hundred words, the pipeline between stages), so a document that would run away is
/// stopped early with the reason, whatever in it makes the work grow. Memory is the managed heap's growth
/// since the analysis began, confirmed after a full collection so that garbage alone never trips it.
/// </summary>
public sealed class AnalysisBudget
{
    /// <summary>What one document of up to 32 MiB may take on an ordinary machine, with room to spare.</summary>
    public static readonly Limits DefaultLimits = new(TimeSpan.FromMinutes(2), 4L << 30);

    private readonly Limits _limits;
    private readonly long _heapAtStart;
    private readonly long _startTimestamp;

    private AnalysisBudget(Limits limits)
    {
        _limits = limits;
        _heapAtStart = GC.GetTotalMemory(forceFullCollection: false);
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>A budget that never runs out, for callers that analyse text they trust.</summary>
    public static AnalysisBudget Unlimited { get; } = new(new Limits(Timeout.InfiniteTimeSpan, long.MaxValue));

    public static AnalysisBudget Start(Limits limits) => new(limits);

    /// <summary>Throws <see cref="AnalysisBudgetExceededException"/> when the time or the memory is spent.</summary>
    public void Check()
    {
        if (_limits.Time != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(_startTimestamp) > _limits.Time)
            throw new AnalysisBudgetExceededException($"analysis took longer than {_limits.Time.TotalSeconds:0.#} s, the limit for one document");
        if (_limits.HeapBytes != long.MaxValue && GC.GetTotalMemory(false) - _heapAtStart > _limits.HeapBytes
            && GC.GetTotalMemory(forceFullCollection: true) - _heapAtStart > _limits.HeapBytes)
            throw new AnalysisBudgetExceededException($"analysis needed more than {_limits.HeapBytes >> 20} MiB of memory, the limit for one document");
    }

    /// <summary>The time and managed heap growth one document's analysis may take.</summary>
    public sealed record Limits(TimeSpan Time, long HeapBytes);
}
