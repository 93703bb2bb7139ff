using Almanac.Ingest;
using Almanac.Storage.Sqlite;
using Almanac.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Almanac.Web.Tests;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 (a free port), over a temporary SQLite store holding the five
/// seeds and a hostile document. The clock stands at 20:00 UTC on 4 June 2026, so "today" is 06-04 in
/// UTC and already 06-05 in Tokyo.
/// </summary>
public class AlmanacServer : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 6, 4, 20, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("almanac-web-").FullName;
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public string DatabasePath => Path.Combine(_folder, "almanac.db");

    public async Task InitializeAsync()
    {
        var hostile = Path.Combine(_folder, "documents", "hostile.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(hostile)!);
        await File.WriteAllTextAsync(hostile, HostileDocument.Text);
        using (var store = SqliteAlmanacStore.Open(DatabasePath))
        {
            var summary = new Ingestor(store).Ingest(DocumentFiles.Find([SharedFolder.Seeds, hostile]));
            Assert.Equal(6, summary.Read);
        }
        _app = AlmanacWeb.Create(["--urls", "http://127.0.0.1:0", .. Settings], new AlmanacWebOptions(DatabasePath, new FakeTimeProvider(Now)));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address);
        // No cookie jar: a test that sends a tz cookie must not change "today" for the others.
        Client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Settings the app starts with besides its address, as command-line arguments.</summary>
    protected virtual IReadOnlyList<string> Settings => [];

    public Task<string> GetStringAsync(string path) => Client.GetSuccessfulStringAsync(path);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The same app and store with an editor token configured; its tests change events, so it is a store of its own.</summary>
public sealed class EditorServer : AlmanacServer
{
    public const string Token = "correct horse battery staple";

    protected override IReadOnlyList<string> Settings => [$"--{Almanac.Web.Editing.EditorAccess.Setting}={Token}"];
}

[CollectionDefinition(Name)]
public sealed class EditorServerCollection : ICollectionFixture<EditorServer>
{
    public const string Name = "editor server";
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<AlmanacServer>
{
    public const string Name = "server";
}

/// <summary>A document whose title and dated sentence carry script and event-handler payloads; every page must show them as text.</summary>
public static class HostileDocument
{
    public const string Marker = "Zanzibarian";

    public const string Text = """
        <script>alert('title')</script> Harbour history

        On June 4, 1911, the Zanzibarian harbour master <script>alert('xss')</script> opened the new quay <img src=x onerror=alert(1)> to ships.

        Thought for the Day:

        <b onmouseover=alert(2)>Bold</b> words are only words.
        Ada <i>Lovelace</i>
        """;
}
