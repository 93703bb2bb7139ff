using System.CommandLine;

namespace Almanac.Cli;

/// <summary>Options shared by several commands.</summary>
public static class CliOptions
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "The store: a SQLite file path or a PostgreSQL URL/connection string (default: $ALMANAC_DB, else almanac.db in the user's data folder).",
        Recursive = true,
    };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of text." };
}
