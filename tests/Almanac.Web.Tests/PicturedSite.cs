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
/// The app over the five seeds and a saved page about Khrushchev with its image folder: a real PNG in a figure, and
/// hostile pictures (a text file named .jpg, a 9 MiB "PNG", a path leading out of the folder, a javascript: address)
/// plus remote ones, one on the origin the operator allows (Almanac:RemoteImages) and one not. Today is 4 June 2026.
/// </summary>
public sealed class PicturedSite : IAsyncLifetime
{
    public const string AllowedOrigin = "https://images.example.org";

    /// <summary>A real 120×80 PNG (one colour), so the browser draws it.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAHgAAABQCAIAAABd+SbeAAAAg0lEQVR42u3QQQ0AAAgEoItjJoOZ1xbOBxsJSPVwIApEi0a0aNEWRItGtGjRFkSLRrRo0YgWjWjRohEtGtGiRSNaNKJFi0a0aESLFo1o0YgWLRrRohEtWjSiRSNatGhEi0a0aNGIFo1o0aIRLRrRokUjWjSiRYtGtGhEixaNaNGI/mMBid8GaIUyghoAAAAASUVORK5CYII=");

    public const string Page = """
        <!doctype html>
        <html lang="en"><head><title>Nikita Khrushchev: a life</title></head>
        <body><article>
        <h1>Nikita Khrushchev: a life</h1>
        <figure><img src="images/khrushchev.png" alt="Nikita Khrushchev at the rostrum"><figcaption>Khrushchev addressing the Twentieth Party Congress.</figcaption></figure>
        <p>On 4 June 1956 the United States State Department published the text of the secret speech of Nikita Khrushchev.</p>
        <p>Nikita Khrushchev was born on 15 April 1894 in Kalinovka, a village near the border of Russia and Ukraine.</p>
        <p>On 12 September 1953 Nikita Khrushchev was elected First Secretary of the Communist Party of the Soviet Union.</p>
        <p><img src="images/not-a-photo.jpg" alt="A text file named like a photograph"> Nikita Khrushchev visited the United States on 15 September 1959.</p>
        <p><img src="images/huge.png" alt="A huge image"> Nikita Khrushchev was removed from power on 14 October 1964.</p>
        <p><img src="../outside.png" alt="A file outside the page's folder"> Nikita Khrushchev died on 11 September 1971 in Moscow.</p>
        <p><img src="javascript:alert(1)" alt="A script address"> The Soviet Union tested the Tsar Bomba on 30 October 1961.</p>
        <p><img src="https://images.example.org/sputnik.jpg" alt="Sputnik 1 on its stand" width="300" height="200"> The Soviet Union launched Sputnik 1 on 4 October 1957.</p>
        <p><img src="https://tracker.example.net/vostok.jpg" alt="Vostok 1" width="300" height="200"> Yuri Gagarin flew Vostok 1 around the Earth on 12 April 1961.</p>
        </article></body></html>
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("almanac-pictures-").FullName;
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IngestSummary Summary { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var site = Path.Combine(_folder, "site");
        var images = Path.Combine(site, "images");
        Directory.CreateDirectory(images);
        await File.WriteAllTextAsync(Path.Combine(site, "khrushchev.html"), Page);
        await File.WriteAllBytesAsync(Path.Combine(images, "khrushchev.png"), Png);
        await File.WriteAllTextAsync(Path.Combine(images, "not-a-photo.jpg"), "<script>alert('not an image')</script>");
        // A PNG header on 9 MiB: over the size bound whatever it holds.
        await using (var huge = File.Create(Path.Combine(images, "huge.png")))
        {
            await huge.WriteAsync(Png);
            huge.SetLength(9L * 1024 * 1024);
        }
        await File.WriteAllBytesAsync(Path.Combine(_folder, "outside.png"), Png);
        var database = Path.Combine(_folder, "almanac.db");
        using (var store = SqliteAlmanacStore.Open(database))
            Summary = new Ingestor(store).Ingest(DocumentFiles.Find([SharedFolder.Seeds, Path.Combine(site, "khrushchev.html")]));
        _app = AlmanacWeb.Create(["--urls", "http://127.0.0.1:0", $"--Almanac:RemoteImages={AllowedOrigin}"],
            new AlmanacWebOptions(database, new FakeTimeProvider(AlmanacServer.Now)));
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        Client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

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

[CollectionDefinition(Name)]
public sealed class PicturedSiteCollection : ICollectionFixture<PicturedSite>
{
    public const string Name = "pictured site";
}
