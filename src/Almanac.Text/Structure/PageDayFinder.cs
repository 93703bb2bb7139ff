using System.Globalization;
using System.Text.RegularExpressions;
using Almanac.Core;
using NodaTime;

namespace Almanac.Text.Structure;

/// <summary>
/// The day a page is about: from its file name ("06-04.txt", "..._06-04.txt"), else its title, else the first line
/// near its top that names a day and nothing else (a heading "What happened on June 4", a dateline "Today is
/// Tuesday, June 4, the 155th day of 2019").
/// </summary>
internal static class PageDayFinder
{
    /// <summary>How far down a page its day may be named: beyond this, a month and day is content, not the page's day.</summary>
    private const int TopLines = 40;

    private const int MaxDayLineLength = 120;

    public static AnnualDate? Find(string path, string title, IReadOnlyList<string> lines, DayPagePatterns patterns)
    {
        var dayPatterns = patterns.Of(PatternRole.Day).ToList();
        var candidates = new[] { Path.GetFileName(path) }.Concat(TitleParts(title)).Concat(lines.Take(TopLines));
        foreach (var line in candidates)
        {
            if (line.Length is 0 or > MaxDayLineLength)
                continue;
            foreach (var pattern in dayPatterns)
                if (DayOf(Patterns.Match(pattern.Regex, line.Trim())) is { } day)
                    return day;
        }
        return null;
    }

    /// <summary>
    /// The title as a whole, then each part the site's name is set off from ("December 2 | This Day In History",
    /// "Historic Calendar – June 4"): a day line's patterns refuse a "|", which in a line of the page is navigation.
    /// </summary>
    private static IEnumerable<string> TitleParts(string title)
    {
        var parts = HeadingParts.Of(title);
        return parts.Count > 1 ? [title, .. parts] : [title];
    }

    /// <summary>The page's own year, where a line near its top gives it ("Today is Tuesday, June 4, the 155th day of 2019").</summary>
    public static int? YearOf(IReadOnlyList<string> lines, DayPagePatterns patterns)
    {
        var yearPatterns = patterns.Of(PatternRole.PageYear).ToList();
        foreach (var line in lines.Take(TopLines))
            foreach (var pattern in yearPatterns)
                if (Patterns.Match(pattern.Regex, line) is { Success: true } match
                    && int.TryParse(match.Groups["year"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                    return year;
        return null;
    }

    public static AnnualDate? DayOf(Match match)
    {
        if (!match.Success)
            return null;
        var month = match.Groups["month"].Success ? MonthNumber(match.Groups["month"].Value)
            : int.TryParse(match.Groups["monthnumber"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
        if (!int.TryParse(match.Groups["day"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var day))
            return null;
        return ReaderDay.ParseMonthDay($"{month:D2}-{day:D2}");
    }

    private static readonly string[] MonthStarts = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static int MonthNumber(string name) =>
        name.Length < 3 ? 0 : Array.IndexOf(MonthStarts, name[..3].ToLowerInvariant()) + 1;
}
