using System.Globalization;
using Almanac.Core;
using Almanac.Web.Markup;
using Microsoft.AspNetCore.Http;

namespace Almanac.Web.Pages;

/// <summary>One thing drawn on a timeline: when (a year with its fraction), what, and its kind (drawn with its own shape, not colour alone).</summary>
public sealed record TimelinePoint(double Year, string Label, MentionKind Kind)
{
    public static TimelinePoint Of(HistoricalDate date, string label, MentionKind kind) =>
        new(date.Year + ((date.Month ?? 7) - 1) / 12.0 + ((date.Day ?? 15) - 1) / 366.0, $"{DateDisplay.Of(date)}: {label}", kind);
}

/// <summary>The years a timeline shows, from the <c>from</c> and <c>to</c> query values; null shows every year it has.</summary>
public sealed record TimelineWindow(int From, int To)
{
    private const int Earliest = -10_000;
    private const int Latest = 10_000;

    public static TimelineWindow? Of(IQueryCollection query) =>
        int.TryParse(query["from"], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var from)
        && int.TryParse(query["to"], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var to)
        && from is >= Earliest and <= Latest && to is >= Earliest and <= Latest && from <= to
            ? new TimelineWindow(from, to)
            : null;
}

/// <summary>
/// A timeline drawn on the server as SVG, with no script: an axis with labelled years, a mark per event (a circle, a
/// triangle for a birth, a square for a death; marks of one spot stacked), a life's span as a bar. The picture has a
/// title and a description a screen reader reads, and the page lists every event it draws as text. Zoom is links:
/// from every year to a century, a decade, a year, each link naming the span and how many events it holds.
/// </summary>
public static class TimelineSvg
{
    private const double Width = 800, Left = 30, Right = 770, Axis = 130, Mark = 6;
    private const int MaxStack = 9;

    /// <summary>A labelled figure: the SVG and its zoom links. <paramref name="href"/> gives a window's address (null: every year).</summary>
    public static HtmlString Figure(string id, string title, string listedWhere, IReadOnlyList<TimelinePoint> all, TimelineWindow? window,
        Func<TimelineWindow?, string> href, (double From, double To, string Label)? span = null)
    {
        if (all.Count == 0)
            return HtmlString.Empty;
        var (from, to) = window is { } w ? (w.From, w.To + 1.0) : Extent(all, span);
        var points = all.Where(p => p.Year >= from && p.Year < to).OrderBy(p => p.Year).ToList();
        var scale = (Right - Left) / (to - from);
        double X(double year) => Left + (Math.Clamp(year, from, to) - from) * scale;
        var marks = new List<HtmlString>();
        var stacks = new Dictionary<int, int>();
        var hidden = 0;
        foreach (var point in points)
        {
            var x = X(point.Year);
            var bucket = (int)Math.Round(x / (Mark * 2));
            var level = stacks.GetValueOrDefault(bucket);
            stacks[bucket] = level + 1;
            if (level >= MaxStack)
            {
                hidden++;
                continue;
            }
            marks.Add(Shape(point, bucket * Mark * 2, Axis - 14 - level * (Mark * 2 + 1)));
        }
        var ticks = Ticks(from, to).Select(year => Html.Of($"""
            <line x1="{F(X(year))}" y1="{F(Axis)}" x2="{F(X(year))}" y2="{F(Axis + 6)}" stroke="currentColor"/><text x="{F(X(year))}" y="{F(Axis + 26)}" text-anchor="middle" font-size="20" fill="currentColor">{DateDisplay.Year(year)}</text>
            """));
        var life = span is { } s && s.To > from && s.From < to
            ? Html.Of($"""<rect x="{F(X(s.From))}" y="{F(Axis + 34)}" width="{F(Math.Max(2, X(s.To) - X(s.From)))}" height="10" fill="#2f6f4f"><title>{s.Label}</title></rect>""")
            : HtmlString.Empty;
        // The picture starts just above its highest stack, so a day of scattered events is a thin strip, not a tall blank.
        var top = Axis - 14 - Math.Min(MaxStack, stacks.Count == 0 ? 1 : stacks.Values.Max()) * (Mark * 2 + 1) - 4;
        var height = (span is null ? Axis + 32 : Axis + 48) - top;
        var shown = points.Count == 1 ? "1 event" : $"{points.Count} events";
        var description = points.Count == 0
            ? $"No events between {DateDisplay.Year((int)Math.Floor(from))} and {DateDisplay.Year((int)Math.Ceiling(to) - 1)}."
            : $"{shown} from {DateDisplay.Year((int)Math.Floor(points[0].Year))} to {DateDisplay.Year((int)Math.Floor(points[^1].Year))}"
              + $"{Busiest(points)}{(hidden > 0 ? $"; {hidden} too close to draw apart" : "")}. {listedWhere}";
        return Html.Of($"""
            <figure class="timeline" id="{id}">
            <svg viewBox="0 {F(top)} {F(Width)} {F(height)}" role="img" aria-labelledby="{id}-title {id}-desc" preserveAspectRatio="xMinYMin meet">
            <title id="{id}-title">{title}</title>
            <desc id="{id}-desc">{description}</desc>
            <line x1="{F(Left)}" y1="{F(Axis)}" x2="{F(Right)}" y2="{F(Axis)}" stroke="currentColor" stroke-width="2"/>
            {ticks}{life}{marks}
            </svg>
            <figcaption>{title}: {description} Marks: circle, an event; triangle, a birth; square, a death.</figcaption>
            {Zoom(id, all, window, href)}
            </figure>
            """);
    }

    private static (double From, double To) Extent(IReadOnlyList<TimelinePoint> points, (double From, double To, string Label)? span)
    {
        var first = Math.Min(points.Min(p => p.Year), span?.From ?? double.MaxValue);
        var last = Math.Max(points.Max(p => p.Year), span?.To ?? double.MinValue);
        var step = Step(Math.Max(1, last - first));
        var from = Math.Floor(first / step) * step;
        var to = Math.Floor(last / step) * step + step;
        return (from, to);
    }

    /// <summary>A round step between labelled years giving at most about eight labels.</summary>
    private static double Step(double span) =>
        new double[] { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000 }.FirstOrDefault(s => span / s <= 8, 10_000);

    private static IEnumerable<int> Ticks(double from, double to)
    {
        var step = Step(to - from);
        for (var year = Math.Ceiling(from / step) * step; year <= to; year += step)
            yield return (int)year;
    }

    private static string Busiest(IReadOnlyList<TimelinePoint> points)
    {
        var centuries = points.GroupBy(p => Century(p.Year)).ToList();
        if (centuries.Count < 2)
            return "";
        var busiest = centuries.OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
        return $"; the most in {DateDisplay.Of(HistoricalDate.InCentury(busiest.Key * 100))} ({busiest.Count()})";
    }

    /// <summary>TIMEX3 centuries, as <see cref="HistoricalDate.InCentury"/> has them: 1900–1999 is one.</summary>
    private static int Century(double year) => (int)Math.Floor(Math.Floor(year) / 100);

    private static HtmlString Shape(TimelinePoint point, double x, double y) => point.Kind switch
    {
        MentionKind.Birth => Html.Of($"""<polygon points="{F(x)},{F(y - Mark)} {F(x + Mark)},{F(y + Mark)} {F(x - Mark)},{F(y + Mark)}" fill="#1d6b3a"><title>{point.Label}</title></polygon>"""),
        MentionKind.Death => Html.Of($"""<rect x="{F(x - Mark + 1)}" y="{F(y - Mark + 1)}" width="{F(Mark * 2 - 2)}" height="{F(Mark * 2 - 2)}" fill="#4a4a4a"><title>{point.Label}</title></rect>"""),
        _ => Html.Of($"""<circle cx="{F(x)}" cy="{F(y)}" r="{F(Mark)}" fill="#1a4f8b"><title>{point.Label}</title></circle>"""),
    };

    /// <summary>Links one level in: centuries from every year, decades from a century, years from a decade; and back out.</summary>
    private static HtmlString Zoom(string id, IReadOnlyList<TimelinePoint> all, TimelineWindow? window, Func<TimelineWindow?, string> href)
    {
        var length = window is { } w ? w.To - w.From + 1 : int.MaxValue;
        var (size, name) = length > 100 ? (100, "century") : length > 10 ? (10, "decade") : length > 1 ? (1, "year") : (0, "");
        var links = new List<HtmlString>();
        if (window is not null)
            links.Add(Html.Of($"""<a href="{href(null)}#{id}">every year</a>"""));
        if (size > 0)
        {
            var inWindow = all.Where(p => window is null || (p.Year >= window.From && p.Year < window.To + 1));
            foreach (var group in inWindow.GroupBy(p => (int)Math.Floor(Math.Floor(p.Year) / size)).OrderBy(g => g.Key))
            {
                var start = group.Key * size;
                var label = size switch
                {
                    100 => DateDisplay.Of(HistoricalDate.InCentury(start)),
                    10 => DateDisplay.Of(HistoricalDate.InDecade(start)),
                    _ => DateDisplay.Year(start),
                };
                var count = group.Count() == 1 ? "1 event" : $"{group.Count()} events";
                links.Add(Html.Of($"""<a href="{href(new TimelineWindow(start, start + size - 1))}#{id}">{label}</a> ({count})"""));
            }
        }
        return links.Count == 0
            ? HtmlString.Empty
            : Html.Of($"""<nav class="zoom" aria-label="Zoom the timeline{(name.Length > 0 ? " by " + name : "")}"><p>Zoom{(name.Length > 0 ? " by " + name : "")}: {Html.Join(links, Html.Of($" · "))}</p></nav>""");
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
