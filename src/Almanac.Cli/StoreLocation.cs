using Almanac.Storage;
using Almanac.Storage.Postgres;
using Almanac.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Almanac.Cli;

/// <summary>
/// Which store a command opens: --db, else $ALMANAC_DB, else a SQLite file in the user's data folder. A location
/// that is a postgres:// URL or a "Host=...;..." connection string opens PostgreSQL; anything else is a SQLite path.
/// </summary>
public static class StoreLocation
{
    public static string Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
            return option;
        var fromEnvironment = Environment.GetEnvironmentVariable("ALMANAC_DB");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return fromEnvironment;
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
            dataHome = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(dataHome, "almanac", "almanac.db");
    }

    public static IAlmanacStore Open(string? option)
    {
        var location = Resolve(option);
        if (PostgresLocation.IsPostgres(location))
            return OpenPostgres(location);
        try
        {
            return SqliteAlmanacStore.Open(location);
        }
        catch (SqliteException e)
        {
            throw new CliFailure($"cannot open the store {location}: {e.Message}");
        }
    }

    /// <summary>Opens a PostgreSQL store; commands that only make sense there (the queue, workers) call this.</summary>
    public static PostgresAlmanacStore OpenPostgres(string? option)
    {
        var location = Resolve(option);
        if (!PostgresLocation.IsPostgres(location))
            throw new CliFailure($"this needs a PostgreSQL store (--db postgres://user:pass@host:port/db or $ALMANAC_DB), not {location}");
        try
        {
            return PostgresAlmanacStore.Open(location);
        }
        catch (Exception e) when (e is NpgsqlException or FormatException or ArgumentException)
        {
            // The message names the server, never the password the location may carry.
            throw new CliFailure($"cannot open the PostgreSQL store: {e.Message}");
        }
    }
}
