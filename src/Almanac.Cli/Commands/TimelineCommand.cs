using System.CommandLine;
using Almanac.Core;
using Almanac.Events;

namespace Almanac.Cli.Commands;

public static class TimelineCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var who = new Argument<string>("PERSON") { Description = "A person's name or part of it, for example Khrushchev." };
        var json = CliOptions.Json();
        var command = new Command("timeline", "A person's events in date order, each date at the precision its sources give.") { who, json };
        command.SetGuardedAction(environment, parse =>
        {
            var name = parse.GetValue(who)!.Trim();
            using var store = StoreLocation.Open(parse.GetValue(CliOptions.Database));
            var events = Timeline.Of(store.SearchEvents(name, People.MaxCandidates), name);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(environment.Out, events.Select(e => new { e.Id, date = e.DateValue, display = DateDisplay.Of(e.Date), precision = e.Date.Precision.ToString().ToLowerInvariant(), e.Title, e.People }).ToList());
                return 0;
            }
            if (events.Count == 0)
                throw new CliFailure($"no event names a person called '{name}'");
            foreach (var e in events)
                environment.Out.WriteLine($"{DateDisplay.Of(e.Date),-16}\t{e.Title}");
            return 0;
        });
        return command;
    }
}
