using System.CommandLine;
using Almanac.Ingest;

namespace Almanac.Cli.Commands;

public static class WorkerCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("worker",
            "Ingest the documents queued with `almanac ingest --queue` until the queue is empty, then re-resolve events. Run as many as you like, on any machine that reaches the database.");
        command.SetGuardedAction(environment, parse =>
        {
            using var store = StoreLocation.OpenPostgres(parse.GetValue(CliOptions.Database));
            var worker = new QueueWorker(store, new Ingestor(store));
            var summary = worker.Run((path, result) =>
            {
                if (result.Failure is { } reason)
                    environment.Error.WriteLine($"almanac worker: {path}: {reason}");
            });
            environment.Out.WriteLine(
                $"{summary.Stored} documents stored, {summary.Refused} refused; "
                + (summary.Resolved ? "events resolved." : "events left to the worker still holding documents."));
            return 0;
        });
        return command;
    }
}
