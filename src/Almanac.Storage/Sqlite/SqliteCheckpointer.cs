using Microsoft.Data.Sqlite;

namespace Almanac.Storage.Sqlite;

/// <summary>
/// Copies committed pages from the write-ahead log into the database file on a thread of its own, where SQLite's automatic
/// checkpoint did it inside the commit that crossed 1,000 pages: on the thread writing, which an ingest waits for (a
/// quarter of its commits' time on the 366 day pages, bench/README.md). Once the log has grown past a sixteenth of the
/// size given (4 MiB, about SQLite's 1,000 pages; a small ingest never gets there and leaves the log to the close), each
/// commit has a passive checkpoint run on a connection of its own unless one is running, which then goes round once
/// more; it never blocks the writer. The log starts over only when a write begins with every frame copied, and is then
/// cut back to the size given, so a log grown past it has the next write wait for the checkpoints to catch up first: the
/// log stays bounded. A checkpoint that fails hands checkpointing back to SQLite on the writer's connection, as before.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    private const long DefaultLongLogBytes = 64L << 20;

    private readonly SqliteConnection _writer;
    private readonly string _logPath;
    private readonly long _longLogBytes;
    private readonly Lock _lock = new();
    private SqliteConnection? _connection;
    private Task _running = Task.CompletedTask;
    private bool _committedSinceStart;
    private bool _failed;
    private bool _handedBack;

    private SqliteCheckpointer(SqliteConnection writer, long longLogBytes) =>
        (_writer, _logPath, _longLogBytes) = (writer, writer.DataSource + "-wal", longLogBytes);

    /// <summary>Turns SQLite's own checkpoint off on the writer's connection: this one does it.</summary>
    public static SqliteCheckpointer For(SqliteConnection writer, long longLogBytes = DefaultLongLogBytes)
    {
        Pragma(writer, "wal_autocheckpoint = 0");
        Pragma(writer, $"journal_size_limit = {longLogBytes}");
        return new SqliteCheckpointer(writer, longLogBytes);
    }

    /// <summary>Before a write transaction: when the log has grown long, waits until every committed frame is copied, so the write starts it over.</summary>
    public void BeforeWrite()
    {
        if (LogBytes() <= _longLogBytes)
            return;
        Task running;
        lock (_lock)
            running = _running;
        running.Wait();
    }

    /// <summary>After a commit on the writer's connection: starts a checkpoint, or has the running one go round once more.</summary>
    public void Committed()
    {
        if (LogBytes() < _longLogBytes / 16)
            return;
        lock (_lock)
        {
            if (_failed)
            {
                if (!_handedBack)
                    Pragma(_writer, "wal_autocheckpoint = 1000");
                _handedBack = true;
                return;
            }
            if (!_running.IsCompleted)
            {
                _committedSinceStart = true;
                return;
            }
            _running = Task.Run(CheckpointUntilCaughtUp);
        }
    }

    /// <summary>The log file's length: as long as the longest the log has been since it was last cut back.</summary>
    private long LogBytes() => File.Exists(_logPath) ? new FileInfo(_logPath).Length : 0;

    private void CheckpointUntilCaughtUp()
    {
        try
        {
            _connection ??= Open(_writer.ConnectionString);
            while (true)
            {
                lock (_lock)
                    _committedSinceStart = false;
                Pragma(_connection, "wal_checkpoint(PASSIVE)");
                lock (_lock)
                    if (!_committedSinceStart)
                        return;
            }
        }
        catch (SqliteException)
        {
            lock (_lock)
                _failed = true;
        }
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static void Pragma(SqliteConnection connection, string pragma)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        command.ExecuteNonQuery();
    }

    /// <summary>Waits for a running checkpoint; SQLite checkpoints what is left when the writer's connection closes.</summary>
    public void Dispose()
    {
        Task running;
        lock (_lock)
            running = _running;
        running.Wait();
        _connection?.Dispose();
    }
}
