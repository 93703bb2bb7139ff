using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.TestSupport;

/// <summary>A web site on 127.0.0.1 (a free port) answering the paths it is given, for fetching tests that never leave the machine.</summary>
public sealed class LoopbackSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackSite(WebApplication app, string origin)
    {
        _app = app;
        Origin = origin;
    }

    public string Origin { get; }

    /// <summary>Last User-Agent the site saw.</summary>
    public string? LastUserAgent { get; private set; }

    public static LoopbackSite Start(IReadOnlyDictionary<string, Func<HttpContext, Task>> routes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        LoopbackSite? site = null;
        app.Use(async (context, next) =>
        {
            site!.LastUserAgent = context.Request.Headers.UserAgent.ToString();
            await next();
        });
        foreach (var (path, handler) in routes)
            app.MapGet(path, handler);
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        site = new LoopbackSite(app, address);
        return site;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
