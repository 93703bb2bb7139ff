using System.CommandLine;
using Almanac.Core;
using Spectre.Console;

namespace Almanac.Cli.Commands;

public static class DayCommand
{
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
            var view = new EventViews.DayView(ReaderDay.Format(annual), entries.Select(e => EventViews.DayEvent(store, e)).ToList());
            if (parse.GetValue(json))
            {
                JsonOutput.Write(environment.Out, view);
                return 0;
            }
            if (view.Events.Count == 0)
            {
                environment.Out.WriteLine($"No events stored for {view.Date}. Ingest documents with `almanac ingest PATH`.");
                return 0;
            }
            if (environment.IsTerminal)
            {
                var table = new Table().Title($"On this day: {view.Date}").AddColumns("Date", "Event", "Sources");
                foreach (var e in view.Events)
                    table.AddRow(Markup.Escape(e.Display + (e.Disputed ? " (disputed)" : "")),
                        Markup.Escape(e.Text), Markup.Escape(string.Join(", ", e.Sources.Select(s => s.Title))));
                AnsiConsole.Write(table);
            }
            else
            {
                foreach (var e in view.Events)
                    environment.Out.WriteLine($"{e.Display}{(e.Disputed ? " (disputed)" : "")}\t{e.Text}\t[{string.Join("; ", e.Sources.Select(s => s.Title))}]");
            }
            return 0;
        });
        return command;
    }
}
