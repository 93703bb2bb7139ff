using Npgsql;

namespace Almanac.Storage.Postgres;

/// <summary>
/// Tells a reader (a web node) that the store may have changed, without a query per read: a dedicated connection
/// LISTENs on <see cref="PostgresAlmanacStore.ChangeChannel"/>, which every write notifies when it commits, and
/// <see cref="Version"/> grows at each notification for this store's schema. When that connection is lost, it
/// reconnects by itself (every <see cref="PollInterval"/>), and meanwhile the store's generation is polled every
/// <see cref="PollInterval"/>, so what a reader caches under a version is at most that stale while notifications are
/// down. Version also grows whenever listening (re)starts or polling starts, since writes may have been missed between.
/// </summary>
public sealed class PostgresChangeListener : IDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Idle time after which the listening connection is checked with a query, so a silently dead link is noticed.</summary>
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(5);

    private readonly string _connectionString;
    private readonly Func<long> _readGeneration;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listening;
    private readonly Task _polling;
    private long _version;
    private volatile bool _isListening;
    private volatile int _processId;

    /// <param name="location">The store's URL or connection string; the listening connection is its own, outside the pool.</param>
    /// <param name="readGeneration">The store's generation (<see cref="IAlmanacStore.GetGeneration"/>), polled while not listening.</param>
    public PostgresChangeListener(string location, Func<long> readGeneration)
    {
        _connectionString = new NpgsqlConnectionStringBuilder(PostgresLocation.ToConnectionString(location))
        {
            Pooling = false,
            ApplicationName = "almanac change listener",
            Timeout = 5,
        }.ConnectionString;
        _readGeneration = readGeneration;
        _listening = Task.Run(ListenLoop);
        _polling = Task.Run(PollLoop);
    }

    /// <summary>Grows (never shrinks) when the store may have changed: what was read under an older version may be out of date.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Whether notifications are arriving now (otherwise the generation is being polled).</summary>
    public bool IsListening => _isListening;

    /// <summary>The server process of the listening connection, 0 while there is none (tests end it to show recovery).</summary>
    public int ProcessId => _processId;

    private async Task ListenLoop()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await ListenUntilLost(token);
            }
            catch (Exception) when (!token.IsCancellationRequested)
            {
                // Lost or not reached, whatever the cause: polling covers the gap until the next attempt.
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _isListening = false;
            _processId = 0;
            try
            {
                await Task.Delay(PollInterval, token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenUntilLost(CancellationToken token)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(token);
        string schema;
        await using (var current = new NpgsqlCommand("SELECT current_schema()", connection))
            schema = (string)(await current.ExecuteScalarAsync(token))!;
        connection.Notification += (_, notification) =>
        {
            if (notification.Payload == schema)
                Interlocked.Increment(ref _version);
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresAlmanacStore.ChangeChannel}", connection))
            await listen.ExecuteNonQueryAsync(token);
        _processId = connection.ProcessID;
        // Writes committed before LISTEN took effect were not notified.
        Interlocked.Increment(ref _version);
        _isListening = true;
        while (true)
        {
            if (!await connection.WaitAsync(PingInterval, token))
            {
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(token);
            }
        }
    }

    private async Task PollLoop()
    {
        var token = _stop.Token;
        long? polled = null;
        while (!token.IsCancellationRequested)
        {
            if (_isListening)
                polled = null;
            else
            {
                try
                {
                    var generation = await Task.Run(_readGeneration, token);
                    // The first poll after listening stopped cannot tell what changed while it was stopping.
                    if (polled != generation)
                        Interlocked.Increment(ref _version);
                    polled = generation;
                }
                catch (Exception) when (!token.IsCancellationRequested)
                {
                    // The store is unreachable: nothing can be read from it either; try again.
                }
            }
            try
            {
                await Task.Delay(PollInterval, token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            Task.WaitAll([_listening, _polling], TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loops end on cancellation; anything else they met is of no use at shutdown.
        }
        _stop.Dispose();
    }
}
