using System.Text.Json;
using System.Text.Json.Serialization;

namespace MscAlf.Kernel;

/// <summary>The connection file Jupyter hands a kernel: where to listen and the key that signs messages.</summary>
public sealed record ConnectionInfo
{
    /// <summary>The transport: only <c>tcp</c> is supported.</summary>
    [JsonPropertyName("transport")]
    public string Transport { get; init; } = "tcp";

    /// <summary>The address to bind.</summary>
    [JsonPropertyName("ip")]
    public string Ip { get; init; } = "127.0.0.1";

    /// <summary>The shell channel's port (requests and replies).</summary>
    [JsonPropertyName("shell_port")]
    public int ShellPort { get; init; }

    /// <summary>The control channel's port (interrupt, shutdown).</summary>
    [JsonPropertyName("control_port")]
    public int ControlPort { get; init; }

    /// <summary>The IOPub channel's port (status and outputs, broadcast).</summary>
    [JsonPropertyName("iopub_port")]
    public int IOPubPort { get; init; }

    /// <summary>The stdin channel's port (input requests to the client).</summary>
    [JsonPropertyName("stdin_port")]
    public int StdinPort { get; init; }

    /// <summary>The heartbeat's port.</summary>
    [JsonPropertyName("hb_port")]
    public int HeartbeatPort { get; init; }

    /// <summary>The HMAC key (empty: messages are not signed).</summary>
    [JsonPropertyName("key")]
    public string Key { get; init; } = "";

    /// <summary>The signature scheme: only <c>hmac-sha256</c> is supported.</summary>
    [JsonPropertyName("signature_scheme")]
    public string SignatureScheme { get; init; } = "hmac-sha256";

    /// <summary>Reads and checks a connection file; throws <see cref="FormatException"/> naming the file and the problem.</summary>
    public static ConnectionInfo Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        ConnectionInfo? info;
        try
        {
            info = JsonSerializer.Deserialize<ConnectionInfo>(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{path}: not a Jupyter connection file ({ex.Message})", ex);
        }
        if (info is null)
        {
            throw new FormatException($"{path}: not a Jupyter connection file (empty)");
        }
        if (info.Transport != "tcp")
        {
            throw new FormatException($"{path}: transport '{info.Transport}' is not supported (tcp is)");
        }
        if (info.SignatureScheme != "hmac-sha256" && info.Key.Length > 0)
        {
            throw new FormatException($"{path}: signature scheme '{info.SignatureScheme}' is not supported (hmac-sha256 is)");
        }
        if (new[] { info.ShellPort, info.ControlPort, info.IOPubPort, info.StdinPort, info.HeartbeatPort }.Any(p => p is <= 0 or > 65535))
        {
            throw new FormatException($"{path}: every port (shell, control, iopub, stdin, hb) must be between 1 and 65535");
        }
        return info;
    }

    /// <summary>The ZeroMQ address of a port.</summary>
    public string Address(int port) => $"{Transport}://{Ip}:{port}";
}
