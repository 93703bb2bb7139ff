using Almanac.Core;

namespace Almanac.Events;

/// <summary>A date written at the precision its sources give: "1956-02-25", "1956-02", "1956", "1950s", "19th century", "c. 1450", "44 BC".</summary>
public static class DateDisplay
{
    public static string Of(HistoricalDate date)
    {
        var era = date.IsBeforeCommonEra ? " BC" : "";
        var core = date.Precision switch
        {
            Precision.Decade => $"{date.YearOfEra - date.YearOfEra % 10}s{era}",
            Precision.Century => $"{Ordinal(date.IsBeforeCommonEra ? (date.YearOfEra + 99) / 100 : date.Year / 100 + 1)} century{era}",
            Precision.Millennium => $"{Ordinal(date.IsBeforeCommonEra ? (date.YearOfEra + 999) / 1000 : date.Year / 1000 + 1)} millennium{era}",
            Precision.Year when date.IsBeforeCommonEra => $"{date.YearOfEra} BC",
            _ when date.IsBeforeCommonEra => date.ToTimex()["BC".Length..] + " BC",
            _ => date.ToTimex(),
        };
        var prefix = date.Modifier switch
        {
            DateModifier.Approximate => "c. ",
            DateModifier.Early => "early ",
            DateModifier.Mid => "mid-",
            DateModifier.Late => "late ",
            DateModifier.Before => "before ",
            DateModifier.After => "after ",
            _ => "",
        };
        return prefix + core + (date.Calendar == CalendarKind.Julian ? " O.S." : "");
    }

    private static string Ordinal(int n) => n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
