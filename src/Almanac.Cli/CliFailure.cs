using System.CommandLine;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Almanac.Cli;

/// <summary>An expected failure of a command: its message names the input and goes to stderr with exit code 1.</summary>
public sealed class CliFailure(string message) : Exception(message);

public static class CommandActions
{
    /// <summary>Sets a command's action so that failures, expected or not, become one line on stderr and a non-zero exit code.</summary>
    public static void SetGuardedAction(this Command command, CliEnvironment environment, Func<ParseResult, int> action) =>
        command.SetAction(parseResult =>
        {
            try
            {
                return action(parseResult);
            }
            catch (Exception e) when (e is CliFailure or IOException or UnauthorizedAccessException or SqliteException or NpgsqlException)
            {
                environment.Error.WriteLine($"almanac {CommandPath(command)}: {e.Message}");
                return 1;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever else goes wrong is ours: one line that says so, never a stack trace.
                environment.Error.WriteLine($"almanac {CommandPath(command)}: internal error ({e.GetType().Name}: {e.Message}); this is a bug in Almanac, please report it");
                return ExitCodes.InternalError;
            }
        });

    /// <summary>"eval timex" for a subcommand of a subcommand, so the message names what the person typed.</summary>
    private static string CommandPath(Command command)
    {
        var names = new List<string> { command.Name };
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null and not RootCommand; parent = parent.Parents.OfType<Command>().FirstOrDefault())
            names.Insert(0, parent.Name);
        return string.Join(' ', names);
    }
}
