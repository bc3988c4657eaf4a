using System.Globalization;
using System.Text;

namespace MscAlf.IO;

/// <summary>
/// How a value from a file is quoted in a message: control characters and bidirectional overrides escaped
/// (<c>\n</c>, <c>\u001B</c>, <c>\u202E</c>), so a message is one line that cannot steer the terminal, and cut to
/// <see cref="MaxLength"/> characters with the full length noted.
/// </summary>
public static class Located
{
    /// <summary>The most characters of a value a message shows.</summary>
    public const int MaxLength = 80;

    /// <summary>The value as a message shows it.</summary>
    public static string Value(string? value)
    {
        if (value is null)
        {
            return "";
        }
        var text = Escape(new StringBuilder(), value.Length > MaxLength ? value[..MaxLength] : value);
        return value.Length > MaxLength
            ? text.Append(CultureInfo.InvariantCulture, $"… ({value.Length} characters)").ToString()
            : text.ToString();
    }

    /// <summary>
    /// An error message from a library (DuckDB, the file system) as one safe line: escaped like <see cref="Value"/>, and
    /// when longer than <paramref name="max"/> characters cut in the middle, which is usually a long path, so that the
    /// cause at its end ("Permission denied", "No space left on device") stays.
    /// </summary>
    public static string Message(string? message, int max = 240)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 20);
        if (message is null)
        {
            return "";
        }
        if (message.Length <= max)
        {
            return Escape(new StringBuilder(), message).ToString();
        }
        var half = max / 2;
        return Escape(Escape(new StringBuilder(), message[..half]).Append(" … "), message[^half..]).ToString();
    }

    private static StringBuilder Escape(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\\' => "\\\\",
                _ when char.IsControl(c) || IsFormatting(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return text;
    }

    private static bool IsFormatting(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
