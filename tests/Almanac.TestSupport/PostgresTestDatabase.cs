using Xunit;
using Npgsql;

namespace Almanac.TestSupport;

/// <summary>
/// A database made for this test run on the server named by $ALMANAC_TEST_POSTGRES (a connection string),
/// dropped at the end; each test gets a schema of its own in it. With the variable unset the PostgreSQL tests
/// are skipped, unless ALMANAC_REQUIRE_POSTGRES=1 (as CI sets it), when they fail: CI must not pass by skipping.
/// A server that is named but cannot be used always fails the tests.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    public const string ServerVariable = "ALMANAC_TEST_POSTGRES";
    public const string RequireVariable = "ALMANAC_REQUIRE_POSTGRES";

    private readonly string? _server;
    private readonly string? _database;
    private readonly string? _skipReason;
    private readonly string? _failure;

    public PostgresTestDatabase()
    {
        _server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(_server))
        {
            if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
                _failure = $"{RequireVariable}=1 but {ServerVariable} is not set";
            else
                _skipReason = $"PostgreSQL tests skipped: set {ServerVariable} to a connection string of a server where the user may create databases";
            return;
        }
        try
        {
            _database = $"almanac_test_{Guid.NewGuid():N}";
            using var connection = new NpgsqlConnection(_server);
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
            create.ExecuteNonQuery();
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            _database = null;
            _failure = $"{ServerVariable} names a server that cannot be used: {e.Message}";
        }
    }

    /// <summary>A connection string to a new, empty schema of the run's database; skips or fails the test when there is no server.</summary>
    public string NewSchema()
    {
        Skip.If(_skipReason is not null, _skipReason);
        if (_failure is not null)
            throw new InvalidOperationException(_failure);
        var schema = $"t_{Guid.NewGuid():N}";
        var builder = new NpgsqlConnectionStringBuilder(_server) { Database = _database, Pooling = false };
        using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            create.ExecuteNonQuery();
        }
        builder.Pooling = true;
        builder.SearchPath = schema;
        return builder.ConnectionString;
    }

    /// <summary>
    /// Drops the run's database. A backend still finishing a long statement can outlive the five seconds
    /// DROP ... WITH (FORCE) waits for it ("being accessed by other users"), so the drop is tried again; a database
    /// that still cannot be dropped is reported, not thrown: every test has already passed or failed by now, and a
    /// cleanup exception would fail the whole run on a throwaway server.
    /// </summary>
    public void Dispose()
    {
        if (_database is null || _server is null)
            return;
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = new NpgsqlConnection(_server);
                connection.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
                drop.ExecuteNonQuery();
                return;
            }
            catch (NpgsqlException e) when (attempt < DropAttempts)
            {
                Console.Error.WriteLine($"test database {_database} not dropped yet ({e.Message}); trying again");
                Thread.Sleep(TimeSpan.FromSeconds(2));
            }
            catch (NpgsqlException e)
            {
                Console.Error.WriteLine($"test database {_database} left on the server: {e.Message}");
                return;
            }
        }
    }

    private const int DropAttempts = 5;
}
