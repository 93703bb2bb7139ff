using Almanac.Storage;
using Almanac.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Almanac.Cli;

/// <summary>Which store a command opens: --db, else $ALMANAC_DB, else a SQLite file in the user's data folder.</summary>
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
        try
        {
            return SqliteAlmanacStore.Open(location);
        }
        catch (SqliteException e)
        {
            throw new CliFailure($"cannot open the store {location}: {e.Message}");
        }
    }
}
