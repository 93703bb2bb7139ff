using System.CommandLine;
using Almanac.Core;
using Spectre.Console;

namespace Almanac.Cli.Commands;

public static class DayCommand
{
    private static readonly (string Kind, string Heading)[] Sections =
        [("event", "Events"), ("birth", "Births"), ("death", "Deaths"), ("holiday", "Holidays and observances")];

    public static Command Create(CliEnvironment environment)
    {
        var day = new Argument<string?>("MM-DD") { Description = "The calendar day (default: today in the local time zone).", Arity = ArgumentArity.ZeroOrOne };
        var sort = new Option<string>("--sort") { Description = "year (newest first) or significance.", DefaultValueFactory = _ => "year" };
        sort.AcceptOnlyFromAmong("year", "significance");
        var json = CliOptions.Json();
        var command = new Command("day", "The events on a calendar day across all years.") { day, sort, json };
        command.SetGuardedAction(environment, parse =>
        {
            var text = parse.GetValue(day);
            var annual = environment.DayOrToday(text);
            using var store = StoreLocation.Open(parse.GetValue(CliOptions.Database));
            if (Ingest.DefaultAlmanac.StockIfEmpty(store) is { } stocked)
                (parse.GetValue(json) ? environment.Error : environment.Out).WriteLine(
                    $"The store was empty: imported the built-in default almanac, {stocked.Dated} dated events from {Ingest.CalendarImport.DefaultFolder}. Add your own documents with `almanac ingest PATH`.");
            var entries = store.GetEventsOnDay(annual.Month, annual.Day);
            if (parse.GetValue(sort) == "significance")
                entries = entries.OrderByDescending(e => e.Event.Significance).ThenByDescending(e => e.ListedDate.Year).ToList();
            var view = new EventViews.DayView(ReaderDay.Format(annual), entries.Select(e => EventViews.DayEvent(store, e)).ToList())
            {
                Holidays = EventViews.Holidays(store, annual, TimeZoneInfo.ConvertTime(environment.Clock.GetUtcNow(), environment.Zone).Year),
            };
            if (parse.GetValue(json))
            {
                JsonOutput.Write(environment.Out, view);
                return 0;
            }
            if (view.Events.Count == 0 && view.Holidays.Count == 0)
            {
                environment.Out.WriteLine($"No events stored for {view.Date}. Ingest documents with `almanac ingest PATH`.");
                return 0;
            }
            // As a day page shows them: events, births, deaths, then holidays, each under its heading.
            var holidays = view.Holidays.Select(h => (Display: "every year", Text: h.Name, Disputed: false, h.Sources));
            var sections = Sections.Select(s => (s.Heading, Lines: view.Events.Where(e => e.Kind == s.Kind)
                    .Select(e => (e.Display, Text: e.CalendarNote is { } note ? $"{e.Text} ({note})" : e.Text, e.Disputed, e.Sources))
                    .Concat(s.Kind == "holiday" ? holidays : []).ToList()))
                .Where(s => s.Lines.Count > 0).ToList();
            foreach (var (heading, lines) in sections)
            {
                if (environment.IsTerminal)
                {
                    var table = new Table().Title($"{heading}: {view.Date}").AddColumns("Date", "Text", "Sources");
                    foreach (var e in lines)
                        table.AddRow(Markup.Escape(e.Display + (e.Disputed ? " (disputed)" : "")),
                            Markup.Escape(e.Text), Markup.Escape(string.Join(", ", e.Sources.Select(s => s.Title))));
                    AnsiConsole.Write(table);
                    continue;
                }
                if (sections.Count > 1 || heading != "Events")
                    environment.Out.WriteLine($"{heading}:");
                foreach (var e in lines)
                    environment.Out.WriteLine($"{e.Display}{(e.Disputed ? " (disputed)" : "")}\t{e.Text}\t[{string.Join("; ", e.Sources.Select(s => s.Title))}]");
            }
            return 0;
        });
        return command;
    }
}
