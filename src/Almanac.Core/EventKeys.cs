namespace Almanac.Core;

/// <summary>
/// How the store files events so a new mention finds the ones it could join, as the resolver's in-memory index does:
/// an event under every date its sources give (a superset of its founding date, so no candidate is missed; the resolver
/// checks each candidate's dates itself), a mention looking up the days within <see cref="MaxDayDisagreement"/> of its
/// own and the years around it.
/// </summary>
public static class EventKeys
{
    /// <summary>Days by which sources stating the same event may disagree before it counts as another event.</summary>
    public const int MaxDayDisagreement = 2;

    /// <summary>Periods longer than this (centuries, millennia) are compared with every mention rather than filed under each year.</summary>
    public const int MaxFiledYears = 10;

    public static int DayKey(NodaTime.LocalDate day) => day.Year * 400 + day.DayOfYear;

    public static NodaTime.LocalDate LocalDateOf(HistoricalDate gregorianDay) => new(gregorianDay.Year, gregorianDay.Month!.Value, gregorianDay.Day!.Value);

    public static IReadOnlyList<EventKey> Of(HistoricalEvent e)
    {
        var keys = new HashSet<EventKey>();
        foreach (var claim in e.DateClaims)
        {
            var date = claim.Date.ToGregorian();
            var (first, last) = date.YearSpan;
            if (date.Precision == Precision.Day)
            {
                keys.Add(new EventKey(EventKeyKind.Day, DayKey(LocalDateOf(date))));
                keys.Add(new EventKey(EventKeyKind.AnyYear, first));
                continue;
            }
            if (last - first >= MaxFiledYears)
            {
                keys.Add(new EventKey(EventKeyKind.Long, 0));
                continue;
            }
            for (var year = first; year <= last; year++)
            {
                keys.Add(new EventKey(EventKeyKind.CoarseYear, year));
                keys.Add(new EventKey(EventKeyKind.AnyYear, year));
            }
        }
        return keys.ToList();
    }

    public static IReadOnlyList<EventKeyRange> Near(EventMention mention)
    {
        var date = mention.Date.ToGregorian();
        var (first, last) = date.YearSpan;
        var ranges = new List<EventKeyRange> { new(EventKeyKind.Long, 0, 0) };
        if (date.Precision == Precision.Day && mention.EndDate is null)
        {
            var day = LocalDateOf(date);
            for (var offset = -MaxDayDisagreement; offset <= MaxDayDisagreement; offset++)
            {
                var key = DayKey(day.PlusDays(offset));
                ranges.Add(new EventKeyRange(EventKeyKind.Day, key, key));
            }
            ranges.Add(new EventKeyRange(EventKeyKind.CoarseYear, first - 1, last + 1));
        }
        else
        {
            ranges.Add(new EventKeyRange(EventKeyKind.AnyYear, first - 1, last + 1));
        }
        return ranges;
    }
}
