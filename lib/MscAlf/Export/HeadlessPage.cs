using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace MscAlf.Export;

/// <summary>
/// One page of headless Chromium that stays open and is driven over the DevTools protocol (a WebSocket on
/// 127.0.0.1): open a URL, evaluate script, wait for a condition. The browser gets a fresh profile in a temporary
/// folder (<see cref="TemporaryFolder"/>) and, unless asked otherwise, every host name is unresolvable, so a page
/// reaches no network. The browser ends when the page is disposed, at the latest when this process exits, and, should
/// this process be killed outright, at the next browser job's sweep of stale profiles.
/// </summary>
public sealed class HeadlessPage : IAsyncDisposable, IDisposable
{
    private readonly Process _browser;
    private readonly TemporaryFolder _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _nextId;
    private int _disposed;

    private HeadlessPage(Process browser, TemporaryFolder profile)
    {
        _browser = browser;
        _profile = profile;
    }

    /// <summary>The temporary folder the browser keeps its profile in (also a place for pages the caller writes).</summary>
    public string Folder => _profile.Path;

    /// <summary>
    /// Starts Chromium on <paramref name="url"/> and connects to that page. <paramref name="offline"/> makes every host
    /// name unresolvable (addresses such as 127.0.0.1 still work); <paramref name="prepare"/> may write files into the
    /// profile folder first (its argument) and returns the URL to open, when <paramref name="url"/> is null.
    /// </summary>
    /// <exception cref="BrowserNotFoundException">No Chromium is installed.</exception>
    /// <exception cref="InvalidOperationException">Chromium did not start or open its DevTools port in time.</exception>
    public static async Task<HeadlessPage> StartAsync(string? url = null, bool offline = true, Func<string, string>? prepare = null,
        TimeSpan? timeout = null)
    {
        var executable = Browser.Find() ?? throw new BrowserNotFoundException();
        TemporaryFolder.SweepStale();
        var profile = TemporaryFolder.Create("chromium");
        url ??= prepare?.Invoke(profile.Path) ?? "about:blank";
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        var arguments = new List<string>
        {
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--remote-debugging-port=0",
            $"--user-data-dir={profile.Path}", "--window-size=1280,2000",
        };
        if (offline)
        {
            // Every name fails to resolve; the loopback address stays reachable (a local Jupyter server, DevTools).
            arguments.Add("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
        }
        arguments.Add(url);
        arguments.ForEach(start.ArgumentList.Add);
        Process browser;
        try
        {
            browser = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            profile.Dispose();
            throw new InvalidOperationException($"Could not start the browser {executable} ({ex.Message}).", ex);
        }
        Browser.Track(browser);
        _ = browser.StandardError.ReadToEndAsync();
        _ = browser.StandardOutput.ReadToEndAsync();
        var page = new HeadlessPage(browser, profile);
        try
        {
            await page.ConnectAsync(timeout ?? TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            return page;
        }
        catch
        {
            await page.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task ConnectAsync(TimeSpan timeout)
    {
        var portFile = Path.Combine(_profile.Path, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        while (!File.Exists(portFile) || (await File.ReadAllLinesAsync(portFile).ConfigureAwait(false)).Length < 2)
        {
            if (clock.Elapsed > timeout || _browser.HasExited)
            {
                throw new InvalidOperationException("Chromium did not open its DevTools port" + (_browser.HasExited ? $" (it exited with code {_browser.ExitCode})" : ""));
            }
            await Task.Delay(50).ConfigureAwait(false);
        }
        var port = (await File.ReadAllLinesAsync(portFile).ConfigureAwait(false))[0];
        using var http = new HttpClient { Timeout = timeout };
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list")).ConfigureAwait(false))!.AsArray();
        var target = targets.First(t => (string?)t!["type"] == "page")!;
        using var connecting = new CancellationTokenSource(timeout);
        await _socket.ConnectAsync(new Uri((string)target["webSocketDebuggerUrl"]!), connecting.Token).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="script"/> in every document the page opens from now on, before the document's own scripts.</summary>
    public async Task AddInitScriptAsync(string script)
    {
        // Chromium applies such scripts only once the Page domain is enabled.
        await SendAsync("Page.enable", [], TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        await SendAsync("Page.addScriptToEvaluateOnNewDocument", new JsonObject { ["source"] = script }, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    /// <summary>Opens <paramref name="url"/>.</summary>
    public Task NavigateAsync(string url) => SendAsync("Page.navigate", new JsonObject { ["url"] = url }, TimeSpan.FromSeconds(60));

    /// <summary>
    /// Evaluates <paramref name="expression"/> in the page (a promise is awaited) and returns its JSON value; throws
    /// <see cref="InvalidOperationException"/> with the script's error, or <see cref="TimeoutException"/>.
    /// </summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, TimeSpan? timeout = null)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true,
        }, timeout ?? TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return result["exceptionDetails"] is { } failed
            ? throw new InvalidOperationException($"script failed: {Describe(failed)}")
            : result["result"]?["value"]?.DeepClone();
    }

    /// <summary>Waits until <paramref name="condition"/> is true in the page; false when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitForAsync(string condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                if ((bool?)await EvaluateAsync($"!!({condition})").ConfigureAwait(false) == true)
                {
                    return true;
                }
            }
            catch (InvalidOperationException)
            {
                // The page is still loading its scripts.
            }
            await Task.Delay(100).ConfigureAwait(false);
        }
        return false;
    }

    private static string Describe(JsonNode failed)
    {
        var text = (string?)failed["exception"]?["description"] ?? (string?)failed["text"] ?? failed.ToJsonString();
        return text.Length > 500 ? text[..500] + "…" : text;
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject parameters, TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        using var limit = new CancellationTokenSource(timeout);
        await _gate.WaitAsync(limit.Token).ConfigureAwait(false);
        try
        {
            var id = ++_nextId;
            var request = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
            await _socket.SendAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), WebSocketMessageType.Text, true, limit.Token).ConfigureAwait(false);
            var buffer = new byte[1 << 16];
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer, limit.Token).ConfigureAwait(false);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        throw new InvalidOperationException("Chromium closed the DevTools connection");
                    }
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);
                var reply = JsonNode.Parse(message.ToArray())!.AsObject();
                if ((int?)reply["id"] == id)
                {
                    return reply["result"]?.AsObject() ?? throw new InvalidOperationException($"{method} failed: {reply["error"]?.ToJsonString()}");
                }
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            throw new TimeoutException($"Chromium did not answer {method} within {timeout.TotalSeconds:0} s");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Ends the browser and deletes its profile.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _socket.Dispose();
        Browser.End(_browser);
        _browser.Dispose();
        _profile.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
