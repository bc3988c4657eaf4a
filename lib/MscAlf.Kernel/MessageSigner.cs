using System.Security.Cryptography;

namespace MscAlf.Kernel;

/// <summary>
/// Signs and checks Jupyter messages: HMAC-SHA256 over the header, parent header, metadata and content frames,
/// in that order, as lowercase hex. With an empty key nothing is signed and every signature is accepted, as the
/// protocol says.
/// </summary>
public sealed class MessageSigner(string key)
{
    private readonly byte[] _key = System.Text.Encoding.UTF8.GetBytes(key ?? "");

    /// <summary>The signature of the four frames.</summary>
    public string Sign(IReadOnlyList<byte[]> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (_key.Length == 0)
        {
            return "";
        }
        return Convert.ToHexStringLower(Hash(frames));
    }

    /// <summary>True when <paramref name="signature"/> is the frames' signature (compared in constant time).</summary>
    public bool Verify(string signature, IReadOnlyList<byte[]> frames)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(frames);
        if (_key.Length == 0)
        {
            return true;
        }
        if (signature.Length != 64)
        {
            return false;
        }
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, Hash(frames));
    }

    private byte[] Hash(IReadOnlyList<byte[]> frames)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (var frame in frames)
        {
            hmac.AppendData(frame);
        }
        return hmac.GetHashAndReset();
    }
}
