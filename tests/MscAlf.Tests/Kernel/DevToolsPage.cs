using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using MscAlf.Export;

namespace MscAlf.Tests.Kernel;

/// <summary>
/// One page of headless Chromium driven over the DevTools protocol (a WebSocket): open a URL, evaluate script,
/// wait for a condition. Enough to use a real front end as a person would, with no browser download.
/// </summary>
internal sealed class DevToolsPage : IAsyncDisposable
{
    private readonly Process _browser;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _socket = new();
    private int _nextId;

    private DevToolsPage(Process browser, DirectoryInfo profile)
    {
        _browser = browser;
        _profile = profile;
    }

    /// <summary>Starts Chromium with a fresh profile and connects to its first page.</summary>
    public static async Task<DevToolsPage> StartAsync()
    {
        var profile = Directory.CreateTempSubdirectory("mscalf-devtools-");
        var start = new ProcessStartInfo(Browser.Find() ?? throw new BrowserNotFoundException())
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        foreach (var argument in new[]
        {
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--remote-debugging-port=0", $"--user-data-dir={profile.FullName}",
            "--window-size=1280,2000", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var browser = Process.Start(start)!;
        _ = browser.StandardError.ReadToEndAsync();
        _ = browser.StandardOutput.ReadToEndAsync();
        var page = new DevToolsPage(browser, profile);
        var portFile = Path.Combine(profile.FullName, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30) || browser.HasExited)
            {
                await page.DisposeAsync();
                throw new InvalidOperationException("Chromium did not open its DevTools port");
            }
            await Task.Delay(100);
        }
        var port = File.ReadAllLines(portFile)[0];
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list")))!.AsArray();
        var target = targets.First(t => (string?)t!["type"] == "page")!;
        await page._socket.ConnectAsync(new Uri((string)target["webSocketDebuggerUrl"]!), CancellationToken.None);
        return page;
    }

    /// <summary>Opens <paramref name="url"/>.</summary>
    public Task NavigateAsync(string url) => SendAsync("Page.navigate", new JsonObject { ["url"] = url });

    /// <summary>Evaluates <paramref name="expression"/> in the page (promises awaited) and returns its JSON value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true,
        });
        return result["exceptionDetails"] is { } failed
            ? throw new InvalidOperationException($"script failed: {failed.ToJsonString()}")
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
                if ((bool?)await EvaluateAsync($"!!({condition})") == true)
                {
                    return true;
                }
            }
            catch (InvalidOperationException)
            {
                // The page is still loading its scripts.
            }
            await Task.Delay(250);
        }
        return false;
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject parameters)
    {
        var id = ++_nextId;
        var request = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);
            var reply = JsonNode.Parse(message.ToArray())!.AsObject();
            if ((int?)reply["id"] == id)
            {
                return reply["result"]?.AsObject() ?? throw new InvalidOperationException($"{method} failed: {reply.ToJsonString()}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        if (!_browser.HasExited)
        {
            _browser.Kill(entireProcessTree: true);
            await _browser.WaitForExitAsync();
        }
        _browser.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile while it dies; the temp folder is cleaned later.
        }
    }
}
