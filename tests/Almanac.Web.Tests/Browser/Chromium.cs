using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Almanac.Web.Tests.Browser;

/// <summary>
/// Headless Debian Chromium driven over the DevTools protocol: one page, navigated, clicked and typed
/// into like a person would, read back as the text it shows, and photographed.
/// </summary>
public sealed partial class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonNode>> _pending = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _reader;
    private int _nextId;

    /// <summary>Why browser tests cannot run here, or null when they can (ALMANAC_REQUIRE_BROWSER=1 turns a missing browser into a failure).</summary>
    public static string? SkipReason =>
        File.Exists(ExecutablePath) || Environment.GetEnvironmentVariable("ALMANAC_REQUIRE_BROWSER") == "1"
            ? null
            : $"browser tests need Debian's chromium at {ExecutablePath} (apt-get install chromium, as .ci/chromium.sh does)";

    private Chromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"ALMANAC_REQUIRE_BROWSER=1 but there is no browser at {ExecutablePath}");
        var profile = Directory.CreateTempSubdirectory("almanac-chromium-").FullName;
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
            $"--user-data-dir={profile}", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
            // A phone-sized window: the pages must read well there.
            "--window-size=412,915", "about:blank",
        })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var browser = new Chromium(process, profile);
        try
        {
            await browser.ConnectAsync();
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
        return browser;
    }

    private async Task ConnectAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        string? endpoint = null;
        while (endpoint is null)
        {
            var line = await _process.StandardError.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("chromium exited before it listened for DevTools");
            if (DevToolsLine().Match(line) is { Success: true } match)
                endpoint = match.Groups["url"].Value;
        }
        // Keep draining chromium's output so it never blocks on a full pipe.
        _ = _process.StandardError.ReadToEndAsync();
        _ = _process.StandardOutput.ReadToEndAsync();
        var port = new Uri(endpoint).Port;
        using var http = new HttpClient { Timeout = Patience };
        var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list", timeout.Token))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        await _socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), timeout.Token);
        _reader = Task.Run(ReadAsync);
        await SendAsync("Page.enable");
        await SendAsync("Runtime.enable");
    }

    /// <summary>Opens a URL and waits until the page has loaded.</summary>
    public Task OpenAsync(string url) => AfterLoadAsync(() => SendAsync("Page.navigate", new JsonObject { ["url"] = url }));

    /// <summary>Clicks the element a CSS selector finds (first match whose text contains <paramref name="text"/>, when given) and waits for the next page.</summary>
    public Task ClickAsync(string selector, string? text = null) => AfterLoadAsync(async () =>
    {
        var clicked = await EvaluateAsync($$"""
            (() => {
              const el = [...document.querySelectorAll({{JsonSerializer.Serialize(selector)}})]
                .find(e => {{JsonSerializer.Serialize(text ?? "")}} === "" || e.innerText.includes({{JsonSerializer.Serialize(text ?? "")}}));
              if (!el) return false;
              el.scrollIntoView();
              el.click();
              return true;
            })()
            """);
        if (clicked?.GetValue<bool>() != true)
            throw new InvalidOperationException($"nothing to click: {selector} {text}");
    });

    /// <summary>Focuses a field, types into it as keystrokes would, and presses Enter, waiting for the page that answers.</summary>
    public Task TypeAndEnterAsync(string selector, string typed) => AfterLoadAsync(async () =>
    {
        await EvaluateAsync($"document.querySelector({JsonSerializer.Serialize(selector)}).focus()");
        await SendAsync("Input.insertText", new JsonObject { ["text"] = typed });
        await SendAsync("Input.dispatchKeyEvent", new JsonObject { ["type"] = "keyDown", ["key"] = "Enter", ["code"] = "Enter", ["windowsVirtualKeyCode"] = 13, ["text"] = "\r" });
        await SendAsync("Input.dispatchKeyEvent", new JsonObject { ["type"] = "keyUp", ["key"] = "Enter", ["code"] = "Enter", ["windowsVirtualKeyCode"] = 13 });
    });

    /// <summary>Chooses an option of a select element by its value.</summary>
    public Task SelectAsync(string selector, string value) =>
        EvaluateAsync($"document.querySelector({JsonSerializer.Serialize(selector)}).value = {JsonSerializer.Serialize(value)}");

    /// <summary>Presses Tab once and tells which element has the focus (its text).</summary>
    public async Task<string> TabAsync()
    {
        foreach (var type in new[] { "keyDown", "keyUp" })
            await SendAsync("Input.dispatchKeyEvent", new JsonObject { ["type"] = type, ["key"] = "Tab", ["code"] = "Tab", ["windowsVirtualKeyCode"] = 9 });
        return (await EvaluateAsync("document.activeElement.innerText"))?.GetValue<string>() ?? "";
    }

    /// <summary>The text a person sees on the page.</summary>
    public async Task<string> VisibleTextAsync() => (await EvaluateAsync("document.body.innerText"))?.GetValue<string>() ?? "";

    public async Task<string> TextOfAsync(string selector) =>
        (await EvaluateAsync($"document.querySelector({JsonSerializer.Serialize(selector)})?.innerText ?? ''"))?.GetValue<string>() ?? "";

    public async Task<string> LocationAsync() => (await EvaluateAsync("location.href"))?.GetValue<string>() ?? "";

    /// <summary>True when the page is no wider than the window: nothing to scroll sideways on a phone.</summary>
    public async Task<bool> FitsWidthAsync() =>
        (await EvaluateAsync("document.documentElement.scrollWidth <= window.innerWidth"))?.GetValue<bool>() == true;

    /// <summary>
    /// What a screen-reader or keyboard user relies on, checked on the live page: null when one h1, a
    /// main landmark, a language, labelled form controls and headings that skip no level; else what is wrong.
    /// </summary>
    public async Task<string?> AccessibilityProblemAsync() =>
        (await EvaluateAsync("""
            (() => {
              if (document.querySelectorAll('h1').length !== 1) return 'not exactly one h1';
              if (!document.querySelector('main')) return 'no main landmark';
              if (!document.documentElement.lang) return 'no lang on html';
              const unlabelled = [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => e.labels.length === 0);
              if (unlabelled.length) return 'unlabelled control: ' + unlabelled[0].outerHTML;
              let previous = 1;
              for (const h of document.querySelectorAll('main h1, main h2, main h3, main h4')) {
                const level = Number(h.tagName[1]);
                if (level > previous + 1) return 'heading level skipped at: ' + h.innerText;
                previous = level;
              }
              return null;
            })()
            """))?.GetValue<string>();


    public async Task ScreenshotAsync(string path)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)result["data"]!));
    }

    public async Task<string> EvaluateTextAsync(string expression) => (await EvaluateAsync(expression))?.GetValue<string>() ?? "";

    public async Task<string?> EvaluateTextOrNullAsync(string expression) => (await EvaluateAsync(expression))?.GetValue<string>();

    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (result["exceptionDetails"] is { } error)
            throw new InvalidOperationException($"script failed: {error.ToJsonString()}");
        return result["result"]?["value"];
    }

    private async Task AfterLoadAsync(Func<Task> action)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
            _loaded = loaded;
        await action();
        await loaded.Task.WaitAsync(Patience);
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject? parameters = null)
    {
        var completion = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (_lock)
        {
            id = ++_nextId;
            _pending[id] = completion;
        }
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
        return await completion.Task.WaitAsync(Patience);
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(buffer, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                break;
            }
            if (received.MessageType == WebSocketMessageType.Close)
                break;
            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
                continue;
            var node = JsonNode.Parse(message.ToArray())!;
            message.SetLength(0);
            Dispatch(node);
        }
        lock (_lock)
            foreach (var pending in _pending.Values)
                pending.TrySetException(new InvalidOperationException("the DevTools connection closed"));
    }

    private void Dispatch(JsonNode node)
    {
        lock (_lock)
        {
            if (node["id"] is { } id && _pending.Remove(id.GetValue<int>(), out var completion))
            {
                if (node["error"] is { } error)
                    completion.TrySetException(new InvalidOperationException($"DevTools: {error.ToJsonString()}"));
                else
                    completion.TrySetResult(node["result"] ?? new JsonObject());
            }
            else if ((string?)node["method"] == "Page.loadEventFired")
            {
                _loaded.TrySetResult();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_reader is not null)
            await _reader.ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A crash-dump helper may still hold a file for a moment; the temp folder is cleaned by the system.
        }
    }

    [GeneratedRegex(@"DevTools listening on (?<url>ws://\S+)")]
    private static partial Regex DevToolsLine();
}

/// <summary>A test that needs the browser: skipped, with the reason, where Chromium is absent (unless ALMANAC_REQUIRE_BROWSER=1).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.SkipReason is { } reason)
            Skip = reason;
    }
}
