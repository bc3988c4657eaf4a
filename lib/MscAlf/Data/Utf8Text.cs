using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace MscAlf.Data;

/// <summary>The text of a file decoded as UTF-8, with every byte that is not UTF-8 located instead of replaced silently.</summary>
/// <param name="Text">The text; each invalid sequence is one U+FFFD.</param>
/// <param name="Invalid">The first invalid byte of each line that has one, by line.</param>
/// <param name="ForeignBom">The name of a UTF-16 or UTF-32 byte-order mark the file starts with, or null.</param>
public sealed record Utf8Text(string Text, IReadOnlyDictionary<int, InvalidByte> Invalid, string? ForeignBom)
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/> (a UTF-8 BOM is dropped).</summary>
    public static Utf8Text Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ReadOnlySpan<byte> span = bytes;
        var foreign = span switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] or [0x00, 0x00, 0xFE, 0xFF, ..] => "UTF-32",
            [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => "UTF-16",
            _ => null,
        };
        if (foreign is not null)
        {
            return new("", new Dictionary<int, InvalidByte>(), foreign);
        }
        if (span is [0xEF, 0xBB, 0xBF, ..])
        {
            span = span[3..];
        }
        if (Utf8.IsValid(span))
        {
            return new(Strict.GetString(span), new Dictionary<int, InvalidByte>(), null);
        }
        var text = new StringBuilder(span.Length);
        var invalid = new Dictionary<int, InvalidByte>();
        var (line, lineStart) = (1, 0);
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(span, out var rune, out var consumed) == OperationStatus.Done)
            {
                text.Append(rune.ToString());
                if (rune.Value == '\n')
                {
                    (line, lineStart) = (line + 1, text.Length);
                }
            }
            else
            {
                invalid.TryAdd(line, new InvalidByte(line, text.Length - lineStart + 1, span[0]));
                text.Append('\uFFFD');
            }
            span = span[consumed..];
        }
        return new(text.ToString(), invalid, null);
    }
}
