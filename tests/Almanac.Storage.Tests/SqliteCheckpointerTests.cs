using Almanac.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Almanac.Storage.Tests;

public sealed class SqliteCheckpointerTests : IDisposable
{
    private const int PageBytes = 4096;
    private const int RowBytes = 16 * PageBytes;
    private const int Commits = 200;

    private readonly string _folder = Directory.CreateTempSubdirectory("almanac-checkpoint-").FullName;

    private string DatabasePath => Path.Combine(_folder, "store.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ManyCommits_KeepTheLogBounded_WhileTheWriterStaysOpen()
    {
        const long longLogBytes = 16 * PageBytes;
        using var writer = OpenWriter();
        long longestLog = 0;
        using (var checkpointer = SqliteCheckpointer.For(writer, longLogBytes))
        {
            for (var i = 0; i < Commits; i++)
            {
                checkpointer.BeforeWrite();
                InsertRow(writer, i);
                checkpointer.Committed();
                longestLog = Math.Max(longestLog, new FileInfo(DatabasePath + "-wal").Length);
            }
        }

        // Without checkpoints the log would hold every row written: 200 rows of 16 pages.
        var written = (long)Commits * RowBytes;
        Assert.True(longestLog < written / 4, $"the log grew to {longestLog} bytes for {written} written");
    }

    [Fact]
    public void Commits_ReachTheDatabaseFile_BeforeTheWriterCloses()
    {
        using var writer = OpenWriter();
        using (var checkpointer = SqliteCheckpointer.For(writer, longLogBytes: 16 * RowBytes))
        {
            for (var i = 0; i < 20; i++)
            {
                checkpointer.BeforeWrite();
                InsertRow(writer, i);
                checkpointer.Committed();
            }
        }

        Assert.True(new FileInfo(DatabasePath).Length >= 20L * RowBytes);
        using var reader = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        reader.Open();
        using var count = reader.CreateCommand();
        count.CommandText = "SELECT count(*) FROM rows";
        Assert.Equal(20L, count.ExecuteScalar());
    }

    [Fact]
    public void SmallCommits_LeaveTheLogToTheClose()
    {
        // A small ingest pays for no second connection and no copying while it runs: SQLite checkpoints on close.
        using var writer = OpenWriter();
        using (var checkpointer = SqliteCheckpointer.For(writer))
        {
            for (var i = 0; i < 5; i++)
            {
                checkpointer.BeforeWrite();
                InsertRow(writer, i);
                checkpointer.Committed();
            }
        }

        Assert.True(new FileInfo(DatabasePath).Length < RowBytes);
    }

    private SqliteConnection OpenWriter()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var setUp = connection.CreateCommand();
        setUp.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB NOT NULL)";
        setUp.ExecuteNonQuery();
        return connection;
    }

    private static void InsertRow(SqliteConnection writer, int id)
    {
        using var transaction = writer.BeginTransaction(deferred: false);
        using var insert = writer.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO rows (id, body) VALUES ($id, randomblob($bytes))";
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$bytes", RowBytes);
        insert.ExecuteNonQuery();
        transaction.Commit();
    }
}
