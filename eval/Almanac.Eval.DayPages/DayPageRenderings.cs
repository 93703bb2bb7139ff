using System.Net;
using System.Text;
using System.Text.Json;
using Almanac.Ingest.Evaluation;

namespace Almanac.Eval.DayPages;

/// <summary>
/// A way a reader saves a Wikipedia date page: the text a browser's "save as text" gives, the Markdown of a page
/// converter, or the HTML. Each keeps the page's shape: the day as the title, an introduction whose numbers are not
/// entries, the Events/Births/Deaths sections with their period subheadings ("1601–1900"), one "YEAR – text" item a line.
/// </summary>
internal sealed record DayPageRendering(string Name, string Extension, Func<WikipediaDay, string> Render)
{
    public static readonly IReadOnlyList<DayPageRendering> All =
    [
        new("text", ".txt", PlainText),
        new("markdown", ".md", Markdown),
        new("html", ".html", Html),
    ];

    private static readonly string[] Sections = ["Events", "Births", "Deaths"];

    public void Write(string folder, IReadOnlyList<WikipediaDay> days)
    {
        Directory.CreateDirectory(folder);
        var gold = new StringBuilder();
        foreach (var day in days)
        {
            var file = $"{day.Title} - Wikipedia{Extension}";
            File.WriteAllText(Path.Combine(folder, file), Render(day));
            foreach (var entry in day.Entries)
                gold.AppendLine(JsonSerializer.Serialize(new DayGoldEntry(file, day.Key, entry.Year, entry.Section, entry.Text)));
        }
        File.WriteAllText(Path.Combine(folder, DayPageEvaluation.GoldFileName), gold.ToString());
    }

    private static string Introduction(WikipediaDay day)
    {
        var ordinal = new DateTime(2019, day.Month, Math.Min(day.Day, DateTime.DaysInMonth(2019, day.Month))).DayOfYear;
        return $"{day.Title} is day {ordinal} of the year in the Gregorian calendar; {365 - ordinal} days remain until the end of the year.";
    }

    /// <summary>Each section's entries under the period subheadings Wikipedia uses.</summary>
    private static IEnumerable<(string Section, IEnumerable<(string Period, IEnumerable<WikipediaEntry> Entries)> Periods)> Outline(WikipediaDay day) =>
        Sections.Select(section => (section, day.Entries.Where(e => e.Section == section)
            .GroupBy(e => e.Year < 1601 ? "Pre-1600" : e.Year <= 1900 ? "1601–1900" : "1901–present")
            .Select(g => (g.Key, (IEnumerable<WikipediaEntry>)g))));

    private static string PlainText(WikipediaDay day)
    {
        var text = new StringBuilder();
        text.Append(day.Title).Append("\n\nFrom Wikipedia, the free encyclopedia\n\n").Append(Introduction(day)).Append("\n\n");
        foreach (var (section, periods) in Outline(day))
        {
            text.Append(section).Append("\n\n");
            foreach (var (period, entries) in periods)
            {
                text.Append(period).Append('\n');
                foreach (var entry in entries)
                    text.Append(entry.YearText).Append(" – ").Append(entry.Text).Append('\n');
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Markdown(WikipediaDay day)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(day.Title).Append("\n\n").Append(Introduction(day)).Append("\n\n");
        foreach (var (section, periods) in Outline(day))
        {
            text.Append("## ").Append(section).Append("\n\n");
            foreach (var (period, entries) in periods)
            {
                text.Append("### ").Append(period).Append("\n\n");
                foreach (var entry in entries)
                    text.Append("- [").Append(entry.YearText).Append("](https://en.wikipedia.org/wiki/").Append(Uri.EscapeDataString(entry.YearText))
                        .Append(") – ").Append(entry.Text).Append('\n');
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Html(WikipediaDay day)
    {
        var text = new StringBuilder();
        text.Append("<!DOCTYPE html>\n<html><head><title>").Append(day.Title).Append(" - Wikipedia</title></head><body>\n")
            .Append("<h1>").Append(day.Title).Append("</h1>\n<p>").Append(Introduction(day)).Append("</p>\n");
        foreach (var (section, periods) in Outline(day))
        {
            text.Append("<h2>").Append(section).Append("</h2>\n");
            foreach (var (period, entries) in periods)
            {
                text.Append("<h3>").Append(period).Append("</h3>\n<ul>\n");
                foreach (var entry in entries)
                    text.Append("<li><a href=\"/wiki/").Append(Uri.EscapeDataString(entry.YearText)).Append("\">").Append(WebUtility.HtmlEncode(entry.YearText))
                        .Append("</a> – ").Append(WebUtility.HtmlEncode(entry.Text)).Append("</li>\n");
                text.Append("</ul>\n");
            }
        }
        return text.Append("</body></html>\n").ToString();
    }
}
