using System.Text.Json;
using Almanac.Ingest;
using Almanac.Storage.Sqlite;

namespace Almanac.Web.Tests;

/// <summary>
/// An Old Style date is listed under its Gregorian day and its stated day, and the day page and the feed say which
/// calendar each is; a Julian date before 1582 only under its stated day. The server has a store of its own.
/// </summary>
public sealed class CalendarNoteTests : IAsyncLifetime
{
    private readonly AlmanacServer _server = new();

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        var folder = Directory.CreateTempSubdirectory("almanac-calendar-").FullName;
        try
        {
            var document = Path.Combine(folder, "mill.txt");
            await File.WriteAllTextAsync(document,
                "The mill of Vorsk\n\nThe great mill of Vorsk burned down on 3 May 1721 (O.S.), taking the granary with it.\n\n"
                + "The first mill of Vorsk was consecrated by Bishop Anselm on 9 May 1204 before the whole town.\n");
            using var store = SqliteAlmanacStore.Open(_server.DatabasePath);
            Assert.Equal(1, new Ingestor(store).Ingest(DocumentFiles.Find([document])).Read);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Feed_OldStyleDate_SaysWhichCalendarEachListedDayIs()
    {
        var gregorian = await Item("/api/feed/onthisday/events/05/14", "mill");
        var stated = await Item("/api/feed/onthisday/events/05/03", "mill");

        Assert.Equal("gregorian", gregorian.GetProperty("calendar").GetString());
        Assert.Contains("3 May 1721 (O.S.)", gregorian.GetProperty("calendar_note").GetString(), StringComparison.Ordinal);
        Assert.Equal("julian", stated.GetProperty("calendar").GetString());
        Assert.Contains("14 May 1721 in the Gregorian calendar", stated.GetProperty("calendar_note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_JulianDateBeforeTheReform_IsListedOnlyOnItsStatedDay()
    {
        var consecrated = await Item("/api/feed/onthisday/events/05/09", "consecrated");

        Assert.Equal("julian", consecrated.GetProperty("calendar").GetString());
        using var gregorianDay = JsonDocument.Parse(await _server.GetStringAsync("/api/feed/onthisday/events/05/16"));
        Assert.DoesNotContain(gregorianDay.RootElement.GetProperty("events").EnumerateArray(),
            e => e.GetProperty("text").GetString()!.Contains("consecrated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DayPage_GregorianDayOfAnOldStyleDate_SaysSo()
    {
        var page = await _server.GetStringAsync("/day/05-14");

        Assert.Contains("the Old Style date the source states", page, StringComparison.Ordinal);
    }

    private async Task<JsonElement> Item(string path, string word)
    {
        using var document = JsonDocument.Parse(await _server.GetStringAsync(path));
        return document.RootElement.GetProperty("events").EnumerateArray()
            .First(e => e.GetProperty("text").GetString()!.Contains(word, StringComparison.Ordinal)).Clone();
    }
}
