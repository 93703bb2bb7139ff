namespace Almanac.Web.Tests;

public sealed class StoreGenerationTests
{
    [Fact]
    public async Task CurrentAsync_AskedWhileAReadRuns_WaitsForANewReadSharedByAllWhoAskedMeanwhile()
    {
        long committed = 0;
        var reads = 0;
        using var firstStarted = new ManualResetEventSlim();
        using var releaseFirst = new ManualResetEventSlim();
        using var generation = new StoreGeneration(() =>
        {
            var seen = Volatile.Read(ref committed);
            if (Interlocked.Increment(ref reads) == 1)
            {
                firstStarted.Set();
                releaseFirst.Wait();
            }
            return seen;
        });

        var first = generation.CurrentAsync();
        firstStarted.Wait();
        Volatile.Write(ref committed, 1); // a write commits while the first read is under way
        var later = Enumerable.Range(0, 5).Select(_ => generation.CurrentAsync()).ToList();
        releaseFirst.Set();

        Assert.Equal(0, await first);
        Assert.All(await Task.WhenAll(later), g => Assert.Equal(1, g));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task CurrentAsync_ReadFails_FailsItsCallersAndTheNextReadRuns()
    {
        var reads = 0;
        using var generation = new StoreGeneration(() => ++reads == 1 ? throw new IOException("store gone") : 7);
        await Assert.ThrowsAsync<IOException>(generation.CurrentAsync);
        Assert.Equal(7, await generation.CurrentAsync());
    }
}
