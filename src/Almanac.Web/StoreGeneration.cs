using Almanac.Storage.Postgres;

namespace Almanac.Web;

/// <summary>What a cached response is keyed by so that a write to the store makes the next request build afresh.</summary>
public interface IStoreGeneration
{
    ValueTask<long> CurrentAsync();
}

/// <summary>
/// A PostgreSQL store's generation as the node's <see cref="PostgresChangeListener"/> knows it: notified by every write's
/// commit (polled while notifications are down), so a cached response or a 304 costs no round trip to the database.
/// </summary>
public sealed class NotifiedGeneration(PostgresChangeListener listener) : IStoreGeneration
{
    public ValueTask<long> CurrentAsync() => ValueTask.FromResult(listener.Version);
}

/// <summary>
/// A SQLite store's generation, read for every cacheable request (a read of one row on a connection kept open: SQLite's
/// cheap check, with no server to ask). A request needs a read that began after it arrived
/// (then every write committed before it is seen), not a read of its own: while one read runs, everyone who
/// arrives shares the next one, which starts when it ends. So under load the store answers about one generation
/// query per round trip, not one per request (a PostgreSQL round trip costs more than a cached response), and
/// reads never overlap, which lets SQLite use one connection, kept open because opening is the costly part.
/// </summary>
public sealed class StoreGeneration(Func<long> read, IDisposable? ownedStore = null) : IStoreGeneration, IDisposable
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<long>? _running;
    private TaskCompletionSource<long>? _next;

    ValueTask<long> IStoreGeneration.CurrentAsync() => new(CurrentAsync());

    public Task<long> CurrentAsync()
    {
        lock (_gate)
        {
            if (_running is not null)
                return (_next ??= new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            _running = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            Start(_running);
            return _running.Task;
        }
    }

    public void Dispose() => ownedStore?.Dispose();

    /// <summary>On a pool thread, so no request's own thread is kept serving the reads queued behind it.</summary>
    private void Start(TaskCompletionSource<long> generation) => ThreadPool.QueueUserWorkItem(_ =>
    {
        try
        {
            generation.SetResult(read());
        }
        catch (Exception e)
        {
            generation.SetException(e);
        }
        lock (_gate)
        {
            _running = _next;
            _next = null;
            if (_running is not null)
                Start(_running);
        }
    });
}
