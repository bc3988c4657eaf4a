using System.Globalization;
using System.Text;

namespace MscAlf.Text;

/// <summary>
/// Makes text from data, registry records or the file system safe to print in a message: control characters, bidi
/// overrides and other invisible format characters are written as escapes, and long values are cut with a note of
/// their full length. Every error message that quotes a value goes through here.
/// </summary>
public static class SafeText
{
    /// <summary>How many characters of a value a message shows before cutting it.</summary>
    public const int DefaultLimit = 200;

    /// <summary>
    /// True for a character that must never reach a terminal or a data file as itself: C0 and C1 controls (NUL, ESC,
    /// CR, LF, TAB …), DEL, the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the
    /// implicit direction marks (U+061C, U+200E, U+200F), the line and paragraph separators, zero-width characters
    /// and a stray byte-order mark (U+200B–U+200D, U+2060, U+FEFF), and unpaired surrogates.
    /// </summary>
    public static bool IsUnsafe(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var c = text[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]);
        }
        if (char.IsLowSurrogate(c))
        {
            return index == 0 || !char.IsHighSurrogate(text[index - 1]);
        }
        return IsUnsafe(c);
    }

    private static bool IsUnsafe(char c) => c switch
    {
        < '\u0020' or '\u007F' => true,
        >= '\u0080' and <= '\u009F' => true,
        '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\u2060' or '\uFEFF' => true,
        >= '\u200B' and <= '\u200D' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };

    /// <summary>The index of the first unsafe character of <paramref name="text"/> (see <see cref="IsUnsafe(string,int)"/>), or -1.</summary>
    public static int IndexOfUnsafe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text, i))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// <paramref name="text"/> with every unsafe character written as an escape: <c>\n</c>, <c>\r</c>, <c>\t</c>,
    /// otherwise <c>\u</c> and four hex digits (<c>\u001B</c> for ESC, <c>\u202E</c> for a right-to-left override).
    /// Nothing else changes, so ordinary text, accents and scripts print as themselves.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (!IsUnsafe(text, i))
            {
                escaped.Append(text[i]);
                continue;
            }
            escaped.Append(text[i] switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                var c => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
            });
        }
        return escaped.ToString();
    }

    /// <summary>
    /// A value as a message quotes it: escaped (<see cref="Escape"/>) between single quotes, and when longer than
    /// <paramref name="limit"/> characters cut there with a note of the full length, e.g.
    /// <c>'xxxx…' (cut; 20971520 characters in all)</c>.
    /// </summary>
    public static string Quote(string value, int limit = DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (value.Length <= limit)
        {
            return $"'{Escape(value)}'";
        }
        var cut = char.IsHighSurrogate(value[limit - 1]) ? limit - 1 : limit;
        return string.Create(CultureInfo.InvariantCulture, $"'{Escape(value[..cut])}…' (cut; {value.Length} characters in all)");
    }

    /// <summary>
    /// A whole message for a terminal: each line escaped (the line breaks between lines are kept) and each line cut
    /// at <paramref name="lineLimit"/> characters with a note, so that no message floods the screen.
    /// </summary>
    public static string Message(string message, int lineLimit = 2000)
    {
        ArgumentNullException.ThrowIfNull(message);
        var lines = message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return string.Join(Environment.NewLine, lines.Select(line => line.Length <= lineLimit
            ? Escape(line)
            : string.Create(CultureInfo.InvariantCulture, $"{Escape(line[..lineLimit])}… (cut; {line.Length} characters in all)")));
    }
}
