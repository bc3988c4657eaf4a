namespace MscAlf.Kernel;

/// <summary>
/// Jupyter counts cursor positions in Unicode code points; .NET strings index UTF-16 units. An emoji before the
/// cursor is one code point and two units, so positions are converted both ways.
/// </summary>
public static class CodePoints
{
    /// <summary>The UTF-16 index of code point <paramref name="codePoint"/> in <paramref name="text"/> (clamped to its end).</summary>
    public static int ToUtf16(string text, int codePoint)
    {
        ArgumentNullException.ThrowIfNull(text);
        var index = 0;
        for (var seen = 0; seen < codePoint && index < text.Length; seen++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }
        return index;
    }

    /// <summary>The code point index of UTF-16 index <paramref name="utf16"/> in <paramref name="text"/>.</summary>
    public static int FromUtf16(string text, int utf16)
    {
        ArgumentNullException.ThrowIfNull(text);
        var points = 0;
        for (var index = 0; index < Math.Min(utf16, text.Length); index++)
        {
            if (!(char.IsLowSurrogate(text[index]) && index > 0 && char.IsHighSurrogate(text[index - 1])))
            {
                points++;
            }
        }
        return points;
    }
}
