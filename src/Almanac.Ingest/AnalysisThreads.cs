using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Almanac.Ingest;

/// <summary>
/// Threads of their own for analysing documents ahead of the one being stored, one a core, at the lowest priority the
/// system gives (nice 19 on Linux). An ingest's chain (storing, reading neighbourhoods, resolving, writing events) is what it
/// waits for: analysis at the same priority took the cores from the resolution the chain was about to wait on, while
/// analysis ahead only needs the time the chain leaves, and the chain waits for it only when it runs out (bench/README.md).
/// Analysis is run with the default scheduler as its own (<see cref="TaskCreationOptions.HideScheduler"/>), so what it runs
/// in parallel goes to the pool, not to these threads.
/// </summary>
internal sealed class AnalysisThreads : TaskScheduler
{
    public static readonly AnalysisThreads Instance = new(Environment.ProcessorCount);

    private readonly BlockingCollection<Task> _queued = [];

    private AnalysisThreads(int threads)
    {
        for (var i = 0; i < threads; i++)
            new Thread(Work) { IsBackground = true, Name = "Almanac analysis", Priority = ThreadPriority.Lowest }.Start();
    }

    /// <summary>Runs <paramref name="analysis"/> on one of these threads.</summary>
    public static Task<T> Run<T>(Func<T> analysis) =>
        Task.Factory.StartNew(analysis, CancellationToken.None, TaskCreationOptions.HideScheduler, Instance);

    public override int MaximumConcurrencyLevel => int.MaxValue;

    protected override void QueueTask(Task task) => _queued.Add(task);

    // Only queued tasks run here: one waited for elsewhere is left to its queue, which these threads always drain.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => _queued.ToArray();

    private void Work()
    {
        LowerOwnPriority();
        foreach (var task in _queued.GetConsumingEnumerable())
            TryExecuteTask(task);
    }

    /// <summary>
    /// On Linux a thread's priority is its nice value, which .NET leaves alone (<see cref="Thread.Priority"/> changes nothing
    /// there). Raising the value needs no privilege; a system without these calls keeps the default.
    /// </summary>
    private static void LowerOwnPriority()
    {
        if (!OperatingSystem.IsLinux())
            return;
        try
        {
            _ = setpriority(PriorityOfProcess, gettid(), LowestPriority);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    private const int PriorityOfProcess = 0;
    private const int LowestPriority = 19;

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int priority);

    [DllImport("libc")]
    private static extern int gettid();
}
