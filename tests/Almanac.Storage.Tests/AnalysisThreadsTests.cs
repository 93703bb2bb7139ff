using Almanac.Ingest;

namespace Almanac.Storage.Tests;

public sealed class AnalysisThreadsTests
{
    [SkippableFact]
    public async Task Run_OnLinux_AnalysesAtTheLowestPriority()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "thread priorities are nice values on Linux only");

        Assert.Equal(19, await AnalysisThreads.Run(() => NiceOf(File.ReadAllText("/proc/thread-self/stat"))));
    }

    [Fact]
    public async Task Run_AnalysisRunningWorkInParallel_GivesThatWorkToThePoolAndFinishes()
    {
        // Every analysis thread waits on work of its own: were that work queued behind them, none would finish.
        var analyses = Enumerable.Range(0, 4 * Environment.ProcessorCount).Select(_ => AnalysisThreads.Run(() =>
        {
            var sum = 0;
            Parallel.For(0, 64, i => Interlocked.Add(ref sum, i));
            return (sum, TaskScheduler.Current == TaskScheduler.Default);
        })).ToList();

        var results = await Task.WhenAll(analyses).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(results, r => Assert.Equal((2016, true), r));
    }

    /// <summary>The nice value of a thread's /proc stat line: the 19th field, the 17th after the name in brackets.</summary>
    private static int NiceOf(string stat) => int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
}
