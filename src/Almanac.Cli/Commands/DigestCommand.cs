using System.CommandLine;
using Almanac.Core;
using Almanac.Curation;

namespace Almanac.Cli.Commands;

public static class DigestCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var day = new Argument<string?>("MM-DD") { Description = "The calendar day (default: today in the local time zone).", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "md (Markdown) or html.", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html");
        var baseUrl = new Option<string>("--base-url") { Description = "Where the links point: the address `almanac serve` is reached at.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("digest", "A day's digest for a newsletter: the selected events with sources and a thought for the day.") { day, format, baseUrl };
        command.SetGuardedAction(environment, parse =>
        {
            var text = parse.GetValue(day);
            var annual = environment.DayOrToday(text);
            var origin = parse.GetValue(baseUrl)!.TrimEnd('/');
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new CliFailure($"'{origin}' is not an http(s) address");
            var year = TimeZoneInfo.ConvertTime(environment.Clock.GetUtcNow(), environment.Zone).Year;
            using var store = StoreLocation.Open(parse.GetValue(CliOptions.Database));
            var digest = Digest.Build(store, new Sources(store), annual, year);
            environment.Out.Write(parse.GetValue(format) == "html" ? DigestWriter.Document(digest, origin) + "\n" : DigestWriter.Markdown(digest, origin));
            return 0;
        });
        return command;
    }
}
