using System.CommandLine;
using Almanac.Ingest;
using Spectre.Console;

namespace Almanac.Cli.Commands;

public static class ReindexCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("reindex", "Analyse again the stored documents a stage failed on (see `almanac sources`) and re-resolve every document's events in turn, a page of the store at a time (after an upgrade or a change of rules); what now succeeds joins the almanac.");
        command.SetGuardedAction(environment, parse =>
        {
            using var store = StoreLocation.Open(parse.GetValue(CliOptions.Database));
            var ingestor = new Ingestor(store);
            ReindexSummary summary = null!;
            if (environment.IsTerminal)
                AnsiConsole.Progress().Start(context =>
                {
                    var task = context.AddTask("Resolving", maxValue: Math.Max(1, store.GetCounts().Documents));
                    summary = ingestor.Reindex(done => task.Value = done);
                    task.Value = task.MaxValue;
                });
            else
                summary = ingestor.Reindex();
            foreach (var failure in summary.Failures)
                environment.Error.WriteLine($"almanac reindex: {failure.Path}: {failure.Reason}");
            environment.Out.WriteLine(
                $"{summary.Retried} failed documents retried, {summary.Cleared} now analysed, {summary.Resolved} documents resolved again, {summary.Failures.Count} still failing.");
            SanityOutput.Write(SanityGate.Check(store), "reindex", environment);
            return summary.Failures.Count > 0 ? ExitCodes.DocumentFailed : 0;
        });
        return command;
    }
}
