using System.CommandLine;
using System.Text;
using Almanac.Core;
using Almanac.Storage;
using Almanac.Curation;
using Almanac.Curation.Markup;
using NodaTime;

namespace Almanac.Cli.Commands;

/// <summary>The almanac taken elsewhere: every event listed on a day, a range of days or all of them, as JSON lines, CSV, iCalendar or Markdown.</summary>
public static class ExportCommand
{
    /// <summary>One listing of an event on a calendar day, as exported.</summary>
    public sealed record ExportLine(string Day, EventViews.DayEventView Event);

    public static Command Create(CliEnvironment environment)
    {
        var days = new Argument<string?>("DAYS") { Description = "MM-DD, or MM-DD..MM-DD for a range (it may wrap past 12-31); every day when left out.", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "jsonl, csv, ics or md.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv", "ics", "md");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Export the events listed on a day, a range of days or every day: JSON lines, CSV, iCalendar or Markdown.") { days, format, output };
        command.SetGuardedAction(environment, parse =>
        {
            var selected = Days(parse.GetValue(days));
            using var store = StoreLocation.Open(parse.GetValue(CliOptions.Database));
            var listings = selected.Select(day => (Day: day, Entries: store.GetEventsOnDay(day.Month, day.Day))).ToList();
            var text = parse.GetValue(format) switch
            {
                "csv" => Csv(store, listings),
                "ics" => Anniversaries.Write(listings.SelectMany(l => Anniversaries.Listings(l.Entries)), "Almanac export", null, environment.Clock.GetUtcNow()),
                "md" => Markdown(store, listings),
                _ => JsonLines(store, listings),
            };
            if (parse.GetValue(output) is { } path)
            {
                File.WriteAllText(path, text, new UTF8Encoding(false));
                environment.Error.WriteLine($"almanac export: {listings.Sum(l => l.Entries.Count)} listings of {listings.Count} days written to {path}");
            }
            else
            {
                environment.Out.Write(text);
            }
            return 0;
        });
        return command;
    }

    /// <summary>The days named: one, a range in calendar order (wrapping past 31 December), or all 366.</summary>
    private static List<AnnualDate> Days(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ReaderDay.AllDays().ToList();
        var parts = text.Split("..");
        if (parts.Length > 2)
            throw new CliFailure($"'{text}' is not a day or a range of days: write MM-DD or MM-DD..MM-DD");
        var ends = parts.Select(p => ReaderDay.ParseMonthDay(p.Trim())
            ?? throw new CliFailure($"'{p}' is not a calendar day: write MM-DD, such as 06-04")).ToList();
        var all = ReaderDay.AllDays().ToList();
        var (first, last) = (all.IndexOf(ends[0]), all.IndexOf(ends[^1]));
        return last >= first ? all[first..(last + 1)] : [.. all[first..], .. all[..(last + 1)]];
    }

    private static string JsonLines(IAlmanacStore store, IEnumerable<(AnnualDate Day, IReadOnlyList<DayEntry> Entries)> listings)
    {
        var text = new StringWriter();
        foreach (var (day, entries) in listings)
            foreach (var entry in entries)
                JsonOutput.Write(text, new ExportLine(ReaderDay.Format(day), EventViews.DayEvent(store, entry)));
        return text.ToString();
    }

    /// <summary>RFC 4180: a header, one row a listing, fields quoted where they hold a comma, quote or line break.</summary>
    private static string Csv(IAlmanacStore store, IEnumerable<(AnnualDate Day, IReadOnlyList<DayEntry> Entries)> listings)
    {
        var text = new StringBuilder("day,year,date,display,kind,title,text,disputed,sources,id\r\n");
        foreach (var (day, entries) in listings)
            foreach (var view in entries.Select(e => EventViews.DayEvent(store, e)))
                text.AppendJoin(',', new[]
                {
                    ReaderDay.Format(day), view.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), view.Date, view.Display, view.Kind,
                    view.Title, view.Text, view.Disputed ? "yes" : "no", string.Join("; ", view.Sources.Select(s => s.Title)), view.Id,
                }.Select(CsvField)).Append("\r\n");
        return text.ToString();
    }

    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Markdown(IAlmanacStore store, IEnumerable<(AnnualDate Day, IReadOnlyList<DayEntry> Entries)> listings)
    {
        var text = new StringBuilder("# Almanac\n");
        foreach (var (day, entries) in listings.Where(l => l.Entries.Count > 0))
        {
            text.Append("\n## ").Append(DateDisplay.Day(day)).Append("\n\n");
            foreach (var entry in entries)
            {
                var view = EventViews.DayEvent(store, entry);
                text.Append("- **").Append(MarkdownEscape.Text(DateDisplay.Year(entry.ListedDate.Year))).Append("** – ").Append(MarkdownEscape.Text(view.Text));
                if (view.Kind != "event")
                    text.Append(" (").Append(view.Kind).Append(')');
                if (view.Sources.Count > 0)
                    text.Append(" — ").Append(MarkdownEscape.Text(string.Join("; ", view.Sources.Select(s => s.Title))));
                text.Append('\n');
            }
        }
        return text.ToString();
    }
}
