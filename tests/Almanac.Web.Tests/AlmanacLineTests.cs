using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Almanac.Ingest;
using Almanac.Storage.Sqlite;

namespace Almanac.Web.Tests;

/// <summary>
/// After an article about Caesar is ingested, the day page of 15 March shows its almanac line in the present,
/// naming Caesar, and the event page one click away cites the source's own sentence; the API says the same line.
/// </summary>
public sealed class AlmanacLineTests : IAsyncLifetime
{
    private const string SourceSentence = "He was assassinated by a group of Roman senators on the Ides of March, 44 BC, in the Theatre of Pompey.";

    private readonly AlmanacServer _server = new();

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        var folder = Directory.CreateTempSubdirectory("almanac-caesar-").FullName;
        try
        {
            var document = Path.Combine(folder, "caesar.txt");
            await File.WriteAllTextAsync(document,
                "Julius Caesar\n\nGaius Julius Caesar was a Roman general and statesman who made himself dictator of Rome.\n\n"
                + "Caesar had many enemies in the Senate, who feared that he would make himself king. " + SourceSentence + "\n");
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
    public async Task DayPage_ArticleAboutCaesar_ShowsTheAlmanacLineAndLinksToTheSourceSentence()
    {
        var day = WebUtility.HtmlDecode(await _server.GetStringAsync("/day/03-15"));

        Assert.Matches(@"44 BC\s*(</[^>]+>\s*)*(–\s*)?(<[^>]+>\s*)*Julius Caesar is assassinated by a group of Roman senators", Regex.Replace(day, @"\s+", " "));
        var link = Regex.Match(day, "href=\"(/event/[^\"]+)\"[^>]*>[^<]*Julius Caesar is assassinated").Groups[1].Value;
        Assert.NotEmpty(link);
        var eventPage = WebUtility.HtmlDecode(await _server.GetStringAsync(link));
        Assert.Contains(SourceSentence, eventPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_ArticleAboutCaesar_GivesTheSameLine()
    {
        using var feed = JsonDocument.Parse(await _server.GetStringAsync("/api/feed/onthisday/events/03/15"));
        var item = Assert.Single(feed.RootElement.GetProperty("events").EnumerateArray());

        Assert.StartsWith("Julius Caesar is assassinated by a group of Roman senators", item.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(-44, item.GetProperty("year").GetInt32());
    }
}
