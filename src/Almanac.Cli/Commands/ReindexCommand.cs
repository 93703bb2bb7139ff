using System.CommandLine;
using Almanac.Ingest;

namespace Almanac.Cli.Commands;

public static class ReindexCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("reindex", "Analyse again the stored documents a stage failed on (see `almanac sources`) and re-resolve every event from the whole store (after an upgrade or a change of rules); what now succeeds joins the almanac.");
        command.SetGuardedAction(environment, parse =>
        {
            using var store = StoreLocation.Open(parse.GetValue(CliOptions.Database));
            var summary = new Ingestor(store).Reindex();
            foreach (var failure in summary.Failures)
                environment.Error.WriteLine($"almanac reindex: {failure.Path}: {failure.Reason}");
            environment.Out.WriteLine($"{summary.Retried} failed documents retried, {summary.Cleared} now analysed, {summary.Failures.Count} still failing.");
            SanityOutput.Write(SanityGate.Check(store), "reindex", environment);
            return summary.Failures.Count > 0 ? ExitCodes.DocumentFailed : 0;
        });
        return command;
    }
}
