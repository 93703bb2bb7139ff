using System.CommandLine;
using Almanac.Core;
using Almanac.Events;

namespace Almanac.Cli.Commands;

/// <summary>`person NAME`: a person's page in the terminal, from the same profile the web's /person page shows.</summary>
public static class PersonCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var who = new Argument<string>("NAME") { Description = "A person's name or part of it, for example Khrushchev." };
        var json = CliOptions.Json();
        var command = new Command("person", "A person: birth and death where the sources give them, their events in order, the sources, the picture.") { who, json };
        command.SetGuardedAction(environment, parse =>
        {
            var name = parse.GetValue(who)!.Trim();
            using var store = StoreLocation.Open(parse.GetValue(CliOptions.Database));
            var person = People.Of(store.SearchEvents(name, People.MaxCandidates), name)
                ?? throw new CliFailure($"no event names a person called '{name}'");
            var sources = person.DocumentIds.Select(id => store.GetDocument(id)).OfType<SourceDocument>().ToList();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(environment.Out, new
                {
                    name = person.Name,
                    born = Life(person.Born),
                    died = Life(person.Died),
                    events = person.Events.Select(e => new { e.Id, date = e.DateValue, display = DateDisplay.Of(e.Date, e.EndDate), kind = e.Kind.ToString().ToLowerInvariant(), e.Title, e.Text }).ToList(),
                    sources = sources.Select(s => new { s.Id, s.Title, s.Path }).ToList(),
                    picture = person.Picture,
                });
                return 0;
            }
            var output = environment.Out;
            output.WriteLine(person.Name);
            if (person.Born is not null || person.Died is not null)
                output.WriteLine(string.Join("   ", new[] { ("Born", person.Born), ("Died", person.Died) }
                    .Where(l => l.Item2 is not null).Select(l => $"{l.Item1}: {DateDisplay.Of(l.Item2!.Date)}")));
            if (person.Picture is { } picture)
                output.WriteLine($"Picture: {picture.Description} ({picture.Url ?? "stored image " + picture.StoredId})");
            output.WriteLine();
            output.WriteLine($"Events ({person.Events.Count}):");
            foreach (var e in person.Events)
                output.WriteLine($"  {DateDisplay.Of(e.Date, e.EndDate),-16}\t{e.Text}");
            output.WriteLine();
            output.WriteLine("Sources:");
            foreach (var (source, i) in sources.Select((s, i) => (s, i + 1)))
                output.WriteLine($"  [{i}] {source.Title} ({source.Path})");
            return 0;
        });
        return command;
    }

    private static object? Life(LifeDate? life) =>
        life is null ? null : new { date = life.Date.ToTimex(), display = DateDisplay.Of(life.Date), event_id = life.EventId };
}
