using Almanac.Core;
using Almanac.Storage;
using NodaTime;

namespace Almanac.Curation;

/// <summary>
/// A day's holidays in a given year: those documents and calendar files list for the day itself, and those given by a
/// rule (Easter-2, the last Monday of May) that falls on it that year. One line per holiday, with the documents listing it.
/// </summary>
public static class Holidays
{
    public static IReadOnlyList<DayObservance> On(IAlmanacStore store, AnnualDate day, int year)
    {
        var onTheDay = store.GetObservancesOnDay(day.Month, day.Day);
        var byRule = Falling(store.GetMovingObservances(), day, year);
        return Observance.OfDay(onTheDay.Concat(byRule));
    }

    /// <summary>The moving holidays whose rule gives <paramref name="day"/> in <paramref name="year"/>, as the day's observances.</summary>
    public static IEnumerable<Observance> Falling(IEnumerable<MovingObservance> moving, AnnualDate day, int year) =>
        moving.Where(m => HolidayRule.Parse(m.Rule)?.In(year) is { } date && date.Month == day.Month && date.Day == day.Day)
            .Select(m => new Observance(m.DocumentId, day, m.Name));
}
