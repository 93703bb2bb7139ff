using NodaTime;

namespace Almanac.Core;

/// <summary>
/// The date of Easter Sunday, by the churches' own tables turned into arithmetic: the Gregorian computus (the western
/// churches since 1583) and the Julian one (the Orthodox churches, "Paskha", given here on the Gregorian calendar).
/// </summary>
/// <remarks>
/// These are the published algorithms (Meeus, <i>Astronomical Algorithms</i>, ch. 8: the "Anonymous Gregorian" of
/// Nature, 1876, and the Julian computus), not a table of dates; the tests check them against dates the churches
/// published and against what must hold for every year (a Sunday, between 22 March and 25 April of its calendar).
/// </remarks>
public static class Computus
{
    /// <summary>Western Easter in <paramref name="year"/> (from 1583, the first whole year of the Gregorian calendar).</summary>
    public static LocalDate WesternEaster(int year)
    {
        if (year < 1583)
            throw new ArgumentOutOfRangeException(nameof(year), year, "the Gregorian computus applies from 1583");
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new LocalDate(year, month, day);
    }

    /// <summary>Orthodox Easter in <paramref name="year"/>: the Julian computus, converted to the Gregorian day it falls on.</summary>
    public static LocalDate OrthodoxEaster(int year)
    {
        if (year < 1583)
            throw new ArgumentOutOfRangeException(nameof(year), year, "given on the Gregorian calendar, which applies from 1583");
        return JulianEaster(year).WithCalendar(CalendarSystem.Iso);
    }

    /// <summary>Easter in <paramref name="year"/> by the Julian computus, on the Julian calendar: every Easter before the reform, and the Orthodox one since.</summary>
    public static LocalDate JulianEaster(int year)
    {
        if (year < 1)
            throw new ArgumentOutOfRangeException(nameof(year), year, "the computus is reckoned from AD 1");
        var a = year % 4;
        var b = year % 7;
        var c = year % 19;
        var d = (19 * c + 15) % 30;
        var e = (2 * a + 4 * b - d + 34) % 7;
        var month = (d + e + 114) / 31;
        var day = (d + e + 114) % 31 + 1;
        return new LocalDate(year, month, day, CalendarSystem.Julian);
    }
}
