using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MscAlf.Tests.Registry;

/// <summary>
/// A loopback HTTP server that replays /studies pages and injects faults, for the fetch tests. It listens on
/// 127.0.0.1 only, serves each request once, and stops when disposed. Faults are queued per page number and used
/// up one request at a time: "429" (with Retry-After: 1), "500", "400", "broken" (a cut JSON body), "slow" (answers
/// after 3 s), "drop" (closes without answering).
/// </summary>
internal sealed class FaultServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyList<string> _pages;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, ConcurrentQueue<string>> _faults = new();

    public FaultServer(IReadOnlyList<string> pages)
    {
        _pages = pages;
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/api/v2/");

    /// <summary>Every request served: (page number, path and query, UTC time).</summary>
    public ConcurrentQueue<(int Page, string Target, DateTime At)> Requests { get; } = new();

    public void Fault(int page, params string[] faults)
    {
        var queue = _faults.GetOrAdd(page, _ => new ConcurrentQueue<string>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var target = await ReadRequestTargetAsync(stream);
                var token = target.Split('?', 2).ElementAtOrDefault(1)?.Split('&').Select(p => p.Split('=', 2))
                    .FirstOrDefault(p => p[0] == "pageToken")?[1];
                var page = token is null ? 1 : int.Parse(token["token-".Length..], System.Globalization.CultureInfo.InvariantCulture);
                Requests.Enqueue((page, target, DateTime.UtcNow));
                var fault = _faults.TryGetValue(page, out var queue) && queue.TryDequeue(out var f) ? f : "ok";
                var body = _pages[page - 1];
                switch (fault)
                {
                    case "drop":
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    case "slow":
                        await Task.Delay(TimeSpan.FromSeconds(3), _stop.Token);
                        await WriteAsync(stream, 200, body, "");
                        return;
                    case "429":
                        await WriteAsync(stream, 429, "{\"error\":\"too many requests\"}", "Retry-After: 1\r\n");
                        return;
                    case "429-long":
                        await WriteAsync(stream, 429, "{\"error\":\"too many requests\"}", "Retry-After: 100000\r\n");
                        return;
                    case "500":
                        await WriteAsync(stream, 500, "{\"error\":\"server error\"}", "");
                        return;
                    case "400":
                        await WriteAsync(stream, 400, "{\"error\":\"bad request\"}", "");
                        return;
                    case "broken":
                        await WriteAsync(stream, 200, body[..(body.Length / 2)], "");
                        return;
                    default:
                        await WriteAsync(stream, 200, body, "");
                        return;
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // the client gave up (a timeout test) or the server is stopping
            }
        }
    }

    private static async Task<string> ReadRequestTargetAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var received = new StringBuilder();
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var n = await stream.ReadAsync(buffer);
            if (n == 0)
            {
                break;
            }
            received.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        return received.ToString().Split(' ', 3)[1];
    }

    private static async Task WriteAsync(NetworkStream stream, int status, string body, string headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Error")}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\n{headers}Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
    }
}
