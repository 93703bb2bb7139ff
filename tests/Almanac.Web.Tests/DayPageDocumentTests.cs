using System.Text.Json;
using System.Text.RegularExpressions;
using Almanac.Ingest;
using Almanac.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Almanac.Web.Tests;

/// <summary>
/// What a new user sees after ingesting a saved day page: every entry on its day, births and deaths in their sections,
/// the holidays it lists without a year under the day's holidays — on <c>/day/MM-DD</c> and in the on-this-day feed.
/// </summary>
public sealed class DayPageDocumentTests : IAsyncLifetime
{
    // Written for this test, in the shape of an encyclopedia's date page saved as text.
    private const string Page = """
        September 23

        Events
        1846 – Astronomers find a new planet where the calculations put it.
        1932 – A kingdom is proclaimed after the unification of its provinces.

        Births
        1215 – A future emperor of a steppe empire (d. 1294)
        1926 – A jazz saxophonist and composer (d. 1967)

        Deaths
        1939 – A founder of psychoanalysis (b. 1856)

        Holidays and observances
        Heritage & "Harvest" Day
        Day of the Bilingual Sign
        """;

    // A holiday calendar in the BSD format, written for this test: fixed days and rules.
    private const string Feasts = "12/25\tChristmas\n07/04\tUS Independence Day\nEaster-2\tGood Friday\n05/MonLast\tMemorial Day\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("almanac-daypage-web-").FullName;
    private WebApplication? _app;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var page = Path.Combine(_folder, "september.txt");
        await File.WriteAllTextAsync(page, Page);
        var database = Path.Combine(_folder, "almanac.db");
        var calendars = Directory.CreateDirectory(Path.Combine(_folder, "calendars")).FullName;
        await File.WriteAllTextAsync(Path.Combine(calendars, "calendar.feasts"), Feasts);
        using (var store = SqliteAlmanacStore.Open(database))
        {
            Assert.Equal(1, new Ingestor(store).Ingest(DocumentFiles.Find([page])).Read);
            Assert.Equal(4, new CalendarImport(store).Import(calendars).Holidays);
        }
        _app = AlmanacWeb.Create(["--urls", "http://127.0.0.1:0"], new AlmanacWebOptions(database, new FakeTimeProvider(AlmanacServer.Now)));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task DayPage_ListsEveryEntryInItsSection_AndTheHolidaysWithoutAYear()
    {
        var html = await _client.GetStringAsync("/day/09-23");
        Assert.Equal(["1846", "1932"], YearsIn(Section(html, "events")).Order());
        Assert.Equal(["1215", "1926"], YearsIn(Section(html, "births")).Order());
        Assert.Equal(["1939"], YearsIn(Section(html, "deaths")));
        var holidays = Section(html, "holidays");
        Assert.Contains("Heritage &amp; &quot;Harvest&quot; Day", holidays, StringComparison.Ordinal);
        Assert.Contains("Day of the Bilingual Sign", holidays, StringComparison.Ordinal);
        Assert.Empty(YearsIn(holidays));
    }

    [Fact]
    public async Task OnThisDayFeed_HolidaysWithoutAYear_AreItemsWithTextAndPagesButNoYear()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync("/api/feed/onthisday/all/09/23"));
        var root = document.RootElement;
        var holidays = root.GetProperty("holidays").EnumerateArray().ToList();
        Assert.Equal(["Heritage & \"Harvest\" Day", "Day of the Bilingual Sign"], holidays.Select(h => h.GetProperty("text").GetString()));
        Assert.All(holidays, h =>
        {
            Assert.False(h.TryGetProperty("year", out _));
            Assert.Equal("source", h.GetProperty("pages")[0].GetProperty("kind").GetString());
        });
        Assert.Equal([1215, 1926], root.GetProperty("births").EnumerateArray().Select(b => b.GetProperty("year").GetInt32()).Order());
        Assert.Equal([1939], root.GetProperty("deaths").EnumerateArray().Select(d => d.GetProperty("year").GetInt32()));
        Assert.Equal([1846, 1932], root.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("year").GetInt32()).Order());
    }

    [Theory]
    [InlineData("12/25", "Christmas")]
    [InlineData("07/04", "US Independence Day")]
    [InlineData("04/03", "Good Friday")]  // Easter-2 in 2026, the reader's year
    [InlineData("05/25", "Memorial Day")] // the last Monday of May 2026
    public async Task OnThisDayFeed_CalendarHolidays_AreInWikimediasShape(string day, string name)
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync($"/api/feed/onthisday/holidays/{day}"));
        var holiday = Assert.Single(document.RootElement.GetProperty("holidays").EnumerateArray());
        Assert.Equal(name, holiday.GetProperty("text").GetString());
        Assert.False(holiday.TryGetProperty("year", out _));
        var page = Assert.Single(holiday.GetProperty("pages").EnumerateArray());
        Assert.Equal("calendar.feasts", page.GetProperty("title").GetString());
        Assert.StartsWith("http", page.GetProperty("content_urls").GetProperty("desktop").GetProperty("page").GetString());
        Assert.Contains(name, await _client.GetStringAsync($"/day/{day.Replace('/', '-')}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnThisDayFeed_AMovingFeast_IsNotOnItsDayOfAnotherYear()
    {
        // Good Friday 2025 was 18 April; in 2026 (the reader's year) it is 3 April.
        using var document = JsonDocument.Parse(await _client.GetStringAsync("/api/feed/onthisday/holidays/04/18"));
        Assert.Empty(document.RootElement.GetProperty("holidays").EnumerateArray());
    }

    [Fact]
    public async Task AnotherDay_HasNoneOfThePagesHolidays()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync("/api/feed/onthisday/holidays/09/24"));
        Assert.Empty(document.RootElement.GetProperty("holidays").EnumerateArray());
    }

    private static string Section(string html, string id)
    {
        var match = Regex.Match(html, $"<section aria-labelledby=\"{id}\">(.*?)</section>", RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        Assert.True(match.Success, $"no {id} section");
        return match.Groups[1].Value;
    }

    private static IEnumerable<string> YearsIn(string section) =>
        Regex.Matches(section, "<span class=\"year\">([^<]*)</span>", RegexOptions.None, TimeSpan.FromSeconds(1)).Select(m => m.Groups[1].Value);
}
