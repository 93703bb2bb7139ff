using Almanac.Core;
using NodaTime;

namespace Almanac.Curation;

/// <summary>The app's own URLs for its pages; ids and queries are percent-encoded.</summary>
public static class Urls
{
    public static string Day(AnnualDate day) => $"/day/{ReaderDay.Format(day)}";

    public static string Month(int month) => FormattableString.Invariant($"/month/{month:D2}");

    /// <summary>A year's page; the URL writes historians' years as the feed does (-44 is 44 BC), from an astronomical year.</summary>
    public static string Year(int astronomicalYear) => FormattableString.Invariant($"/year/{DateDisplay.HistoricalYear(astronomicalYear)}");

    /// <summary>The page of the century of an astronomical year: /century/20 for 1956, /century/-1 for 44 BC.</summary>
    public static string Century(int astronomicalYear) =>
        FormattableString.Invariant($"/century/{(astronomicalYear > 0 ? (astronomicalYear - 1) / 100 + 1 : -((-astronomicalYear) / 100 + 1))}");

    public static string Event(string id) => "/event/" + Uri.EscapeDataString(id);

    public static string Source(string id) => "/source/" + Uri.EscapeDataString(id);

    public static string Timeline(string query) => "/timeline?q=" + Uri.EscapeDataString(query);

    public static string Person(string name) => "/person/" + Uri.EscapeDataString(name);

    /// <summary>An image file stored with a document, by the SHA-256 of its bytes.</summary>
    public static string Image(string id) => "/image/" + Uri.EscapeDataString(id);

    public static string Search(string query) => "/search?q=" + Uri.EscapeDataString(query);
}
