using Almanac.Core;
using NodaTime;

namespace Almanac.Curation;

/// <summary>The app's own URLs for its pages; ids and queries are percent-encoded.</summary>
public static class Urls
{
    public static string Day(AnnualDate day) => $"/day/{ReaderDay.Format(day)}";

    public static string Event(string id) => "/event/" + Uri.EscapeDataString(id);

    public static string Source(string id) => "/source/" + Uri.EscapeDataString(id);

    public static string Timeline(string query) => "/timeline?q=" + Uri.EscapeDataString(query);

    public static string Search(string query) => "/search?q=" + Uri.EscapeDataString(query);
}
