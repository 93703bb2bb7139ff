using System.CommandLine;
using Almanac.Ingest;

namespace Almanac.Cli.Commands;

public static class ImportCalendarCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var folder = new Argument<string?>("DIR") { Description = $"A folder of BSD calendar files (default: {CalendarImport.DefaultFolder}).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("import-calendar", "Import BSD calendar files: each file a source, each line with a year a dated event, a holiday calendar's lines without one the holidays of their day.") { folder };
        command.SetGuardedAction(environment, parse =>
        {
            var path = parse.GetValue(folder) ?? CalendarImport.DefaultFolder;
            if (!Directory.Exists(path))
                throw new CliFailure($"{path}: no such folder (Debian: apt-get install calendar)");
            using var store = StoreLocation.Open(parse.GetValue(CliOptions.Database));
            var report = new CalendarImport(store).Import(path);
            foreach (var failure in report.Failures)
                environment.Error.WriteLine($"almanac import-calendar: {failure.Path}: {failure.Reason}");
            Write(environment.Out, report);
            return 0;
        });
        return command;
    }

    public static void Write(TextWriter output, CalendarImportReport report)
    {
        output.WriteLine($"{report.Files} calendar files imported, {report.SkippedFiles} already stored; {report.Entries} entries: {report.Dated} dated events, {report.Holidays} holidays, {report.UndatedCount} could not be dated.");
        foreach (var (reason, count) in report.Undated)
            output.WriteLine($"  {count} not dated: {reason}");
    }
}
