using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MscAlf.Kernel;

/// <summary>
/// One Jupyter message (messaging protocol 5.3): the ZeroMQ routing identities, then the delimiter
/// <c>&lt;IDS|MSG&gt;</c>, the signature, and four JSON frames (header, parent header, metadata, content).
/// </summary>
public sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader, JsonObject Metadata, JsonObject Content)
{
    /// <summary>The protocol version the kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    private static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The message type (<c>execute_request</c>, …).</summary>
    public string Type => (string?)Header["msg_type"] ?? "";

    /// <summary>The message id.</summary>
    public string Id => (string?)Header["msg_id"] ?? "";

    /// <summary>A new message of <paramref name="type"/> answering or caused by <paramref name="parent"/>.</summary>
    public static JupyterMessage Create(string type, JsonObject content, JupyterMessage? parent, string session, IReadOnlyList<byte[]>? identities = null) =>
        new(identities ?? parent?.Identities ?? [], NewHeader(type, session),
            parent?.Header.DeepClone().AsObject() ?? [], [], content);

    private static JsonObject NewHeader(string type, string session) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = session,
        ["username"] = "kernel",
        ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = type,
        ["version"] = ProtocolVersion,
    };

    /// <summary>The message as ZeroMQ frames, signed.</summary>
    public List<byte[]> ToFrames(MessageSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        byte[][] body = [Bytes(Header), Bytes(ParentHeader), Bytes(Metadata), Bytes(Content)];
        var frames = new List<byte[]>(Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(body)));
        frames.AddRange(body);
        return frames;
    }

    /// <summary>
    /// Parses received frames; null when they are not a Jupyter message or the signature is wrong (the caller
    /// logs and drops it; <paramref name="problem"/> says why).
    /// </summary>
    public static JupyterMessage? Parse(IReadOnlyList<byte[]> frames, MessageSigner signer, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(signer);
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            problem = "no <IDS|MSG> delimiter followed by a signature and four frames";
            return null;
        }
        var body = frames.Skip(delimiter + 2).Take(4).ToArray();
        if (!signer.Verify(Encoding.ASCII.GetString(frames[delimiter + 1]), body))
        {
            problem = "the signature does not match";
            return null;
        }
        try
        {
            var parts = body.Select(b => JsonNode.Parse(b) as JsonObject ?? throw new JsonException("a frame is not a JSON object")).ToArray();
            problem = null;
            return new JupyterMessage([.. frames.Take(delimiter)], parts[0], parts[1], parts[2], parts[3]);
        }
        catch (JsonException ex)
        {
            problem = $"a frame is not valid JSON ({ex.Message})";
            return null;
        }
    }

    private static byte[] Bytes(JsonObject json) => JsonSerializer.SerializeToUtf8Bytes(json, Wire);
}
