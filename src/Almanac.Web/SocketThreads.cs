using Microsoft.AspNetCore.Http;

namespace Almanac.Web;

/// <summary>
/// A web node handles a request on the thread its socket's data arrived on (Kestrel's inline scheduling, and in `serve`
/// the runtime's inline socket completions): a hit or a 304 from memory, most of what a node answers, then costs no
/// thread switch, which on a loaded core was as much of its time as the copying. Everything else may wait on the store,
/// so it leaves that thread first, for the thread pool, where it holds up no other connection.
/// </summary>
public static class SocketThreads
{
    private const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Socket completions run on the runtime's socket threads rather than being queued to the thread pool. The runtime reads
    /// this once, when the process first waits on a socket, so it is called before the store is opened; only `serve` does.
    /// </summary>
    public static void CompleteInline() => Environment.SetEnvironmentVariable(InlineCompletions, "1");

    /// <summary>The rest of the request runs on the thread pool (see <see cref="SocketThreads"/>).</summary>
    public static async Task Leave(HttpContext context, RequestDelegate next)
    {
        await Task.Yield();
        await next(context);
    }
}
