using System.CommandLine;
using Almanac.Cli.Commands;

namespace Almanac.Cli;

/// <summary>The `almanac` command: every subcommand registered in one place.</summary>
public static class AlmanacCli
{
    public static int Run(string[] args, CliEnvironment environment)
    {
        var root = new RootCommand("Almanac: a this-day-in-history engine built from the sources themselves.");
        root.Options.Add(CliOptions.Database);
        Command[] commands =
        [
            IngestCommand.Create(environment),
            WorkerCommand.Create(environment),
            DayCommand.Create(environment),
            EventCommand.Create(environment),
            SearchCommand.Create(environment),
            ServeCommand.Create(environment),
            DigestCommand.Create(environment),
            TagCommand.Create(environment),
            EvalCommand.Create(environment),
            TimelineCommand.Create(environment),
            PersonCommand.Create(environment),
            SourcesCommand.Create(environment),
            ImportCalendarCommand.Create(environment),
            ReindexCommand.Create(environment),
            ExportCommand.Create(environment),
        ];
        foreach (var command in commands.Concat(CorrectionCommands.Create(environment)))
            root.Subcommands.Add(command);
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = environment.Out, Error = environment.Error });
    }
}
