using Almanac.Ingest;
using Almanac.Storage.Sqlite;
using Almanac.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Almanac.Robustness.Tests;

/// <summary>
/// The web app serving a store on 127.0.0.1 while `almanac ingest`, a separate process, writes to it. Each document is
/// resolved into its events in one transaction, so every answer for a day is made of events of the page before the
/// ingest or the page after it, with each new document's events on that day all there or none: never an error, never
/// half of what a document brings.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ServeDuringIngestTests(ProcessFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task DayEndpoint_QueriedInALoopDuringAnIngest_AnswersEachDocumentsEventsWholeOrNotAtAll()
    {
        var database = fixture.NewDatabasePath("served");
        var files = Directory.GetFiles(fixture.CorpusFolder).Order(StringComparer.Ordinal).ToList();
        using (var store = SqliteAlmanacStore.Open(database))
            new Ingestor(store).Ingest(DocumentFiles.Find(files.Take(100)));
        // One day whose document is already in, one whose document the ingest brings.
        var days = new[] { files[50], files[150] }.Select(f => Path.GetFileNameWithoutExtension(f)[4..].Replace('-', '/')).ToList();

        await using var app = AlmanacWeb.Create(["--urls", "http://127.0.0.1:0"], new AlmanacWebOptions(database, new FakeTimeProvider(new DateTimeOffset(2026, 6, 4, 12, 0, 0, TimeSpan.Zero))));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        var before = new Dictionary<string, string>();
        foreach (var day in days)
            before[day] = await Get(client, day);

        using var ingest = AlmanacProcess.Start("ingest", fixture.CorpusFolder, "--db", database);
        var ingestError = ingest.StandardError.ReadToEndAsync();
        var ingestOutput = ingest.StandardOutput.ReadToEndAsync();
        var answers = new List<(string Day, string Body)>();
        while (!ingest.HasExited)
            foreach (var day in days)
                answers.Add((day, await Get(client, day)));
        await ingest.WaitForExitAsync();
        Assert.Equal("", AlmanacProcess.WithoutSanityNotes(await ingestError));
        Assert.Equal(0, ingest.ExitCode);
        output.WriteLine(await ingestOutput);

        var after = new Dictionary<string, string>();
        foreach (var day in days)
            after[day] = await Get(client, day);
        Assert.NotEqual(before[days[1]], after[days[1]]);
        output.WriteLine($"{answers.Count} answers during the ingest; {answers.Count(a => a.Body == after[a.Day] && a.Body != before[a.Day])} already the new day");
        Assert.True(answers.Count >= 20, $"only {answers.Count} answers during the ingest");
        foreach (var (day, body) in answers)
            AssertWholeDocuments(Events(before[day]), Events(after[day]), Events(body), $"{day} answered:\n{body}");
        await app.StopAsync();
    }

    /// <summary>Every event answered is one of the old or the new day, and of the events a document brought, all are answered or none.</summary>
    private static void AssertWholeDocuments(Dictionary<string, string[]> before, Dictionary<string, string[]> after, Dictionary<string, string[]> answered, string context)
    {
        Assert.All(answered.Keys, id => Assert.True(before.ContainsKey(id) || after.ContainsKey(id), $"event {id} is of neither day; {context}"));
        var brought = after.Where(e => !before.ContainsKey(e.Key)).SelectMany(e => e.Value.Select(document => (Document: document, Event: e.Key)))
            .GroupBy(x => x.Document, x => x.Event);
        foreach (var events in brought)
        {
            var shown = events.Count(answered.ContainsKey);
            Assert.True(shown == 0 || shown == events.Count(), $"{shown} of the {events.Count()} new events of document {events.Key} answered; {context}");
        }
    }

    /// <summary>The events of a feed answer, each with the ids of its sources.</summary>
    private static Dictionary<string, string[]> Events(string body)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        return json.RootElement.GetProperty("events").EnumerateArray().ToDictionary(
            e => e.GetProperty("id").GetString()!,
            e => e.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray());
    }

    private static async Task<string> Get(HttpClient client, string day)
    {
        using var response = await client.GetAsync($"/api/feed/onthisday/events/{day}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {day}: {(int)response.StatusCode} {body}");
        return body;
    }
}
