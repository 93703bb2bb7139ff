using System.Text.Encodings.Web;
using Almanac.Storage;
using Almanac.Storage.Postgres;
using Almanac.Storage.Sqlite;
using Almanac.Web.Api;
using Almanac.Web.Editing;
using Almanac.Web.Feeds;
using Almanac.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Almanac.Web;

/// <summary>
/// What the web app is started with: the store's location, a SQLite file or a PostgreSQL connection
/// (null: the Almanac:Database setting or $ALMANAC_DB), and the clock that defines "today".
/// </summary>
public sealed record AlmanacWebOptions(string? DatabasePath, TimeProvider Clock);

/// <summary>The web app: services registered and routes mapped in one place, for `almanac serve`, Program and the tests.</summary>
public static class AlmanacWeb
{
    /// <summary>Room for a path and a search query of the longest accepted length, percent-encoded.</summary>
    public const int MaxRequestLineBytes = 8 * 1024;

    public static WebApplication Create(string[] args, AlmanacWebOptions options)
    {
        var builder = WebApplication.CreateBuilder(args);
        // The app only answers GETs with short URLs: refuse large request lines, headers and bodies early.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Limits.MaxRequestBodySize = 16 * 1024;
            // Names the software to every scanner and costs a header on every response.
            kestrel.AddServerHeader = false;
        });
        // A request runs on its socket's thread until it needs more than memory (SocketThreads). Each read goes straight
        // into a buffer rather than first waiting for data with an empty read: one system call less per request, for a
        // 4 KB buffer held by each idle connection.
        builder.WebHost.UseSockets(sockets =>
        {
            sockets.UnsafePreferInlineScheduling = true;
            sockets.WaitForDataBeforeAllocatingBuffer = false;
        });
        // Requests are not logged one by one; start-up, shutdown and errors still are.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var database = options.DatabasePath ?? builder.Configuration["Almanac:Database"] ?? Environment.GetEnvironmentVariable("ALMANAC_DB")
            ?? throw new InvalidOperationException("no store: pass a database path, set Almanac:Database or $ALMANAC_DB");
        builder.Services.AddAlmanac(database, options.Clock);
        builder.Services.AddSingleton(PictureSettings.Parse(builder.Configuration["Almanac:RemoteImages"]));
        var app = builder.Build();
        app.UseAlmanac();
        return app;
    }

    public static IServiceCollection AddAlmanac(this IServiceCollection services, string location, TimeProvider clock)
    {
        services.AddSingleton(clock);
        // PostgreSQL's store pools its connections and is shared; a SQLite connection is not shared
        // between threads, so each request opens its own.
        if (PostgresLocation.IsPostgres(location))
        {
            services.AddSingleton<IAlmanacStore>(_ => PostgresAlmanacStore.Open(location));
            services.AddSingleton(provider => new PostgresChangeListener(location, provider.GetRequiredService<IAlmanacStore>().GetGeneration));
            services.AddSingleton<IStoreGeneration>(provider => new NotifiedGeneration(provider.GetRequiredService<PostgresChangeListener>()));
        }
        else
        {
            services.AddScoped<IAlmanacStore>(_ => SqliteAlmanacStore.Open(location));
            services.AddSingleton<IStoreGeneration>(_ =>
            {
                var own = SqliteAlmanacStore.Open(location);
                return new StoreGeneration(own.GetGeneration, own);
            });
        }
        services.AddSingleton<ResponseCache>();
        services.AddScoped<Sources>();
        services.TryAddSingleton(PictureSettings.None);
        services.AddSingleton(provider => EditorAccess.From(provider.GetRequiredService<IConfiguration>()));
        services.AddProblemDetails();
        // Escape <, >, & and quotes in JSON too, so document text stays inert if a client drops it into a page.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.Default);
        return services;
    }

    public static WebApplication UseAlmanac(this WebApplication app)
    {
        // Made now, not at the first request: a PostgreSQL node starts listening for the store's changes.
        app.Services.GetRequiredService<IStoreGeneration>();
        var cache = app.Services.GetRequiredService<ResponseCache>();
        // First: a hit or a 304 is sent from memory with the headers it was kept with (the security headers among them),
        // so no routing, error handling or header middleware runs for most of what a node answers.
        app.Use(cache.AnswerHits);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(SecurityHeaders.Add);
        app.UseRouting();
        // Before validation, so a cached response keeps the ETag it was stored with and a hit skips hashing.
        app.Use(cache.BuildMisses);
        app.Use(SocketThreads.Leave);
        app.Use(Caching.Validate);
        app.MapGet("/site.css", () => Results.Text(SiteStyle.Css, "text/css; charset=utf-8"));
        app.MapDayPages();
        app.MapEventPages();
        app.MapBrowsePages();
        app.MapEditorPages(app.Services.GetRequiredService<EditorAccess>());
        app.MapSearchPages();
        app.MapSourcePages();
        app.MapPersonPages();
        app.MapImages();
        app.MapOnThisDayApi();
        app.MapEventsApi();
        app.MapFeeds();
        app.MapErrorPages();
        return app;
    }
}
