using Almanac.Core;
using NodaTime;

namespace Almanac.Web;

/// <summary>Calendar days as the web app's URLs and day picker carry them; dates are written for people by <see cref="DateDisplay"/>.</summary>
public static class Dates
{
    /// <summary>The next or previous calendar day, counted in a leap year so 29 February has neighbours.</summary>
    public static AnnualDate Neighbour(AnnualDate day, int offset)
    {
        var date = new LocalDate(2000, day.Month, day.Day).PlusDays(offset);
        return new AnnualDate(date.Month, date.Day);
    }

    /// <summary>"06-04" for a valid calendar day, else null (13-01, 02-30 and anything not MM-DD).</summary>
    public static AnnualDate? ParseDay(string text) => ReaderDay.ParseMonthDay(text);

    public static AnnualDate? FromParts(string month, string day) =>
        month.Length is 1 or 2 && day.Length is 1 or 2 ? ReaderDay.ParseMonthDay($"{month.PadLeft(2, '0')}-{day.PadLeft(2, '0')}") : null;
}
