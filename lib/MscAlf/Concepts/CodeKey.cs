namespace MscAlf.Concepts;

/// <summary>
/// The key registry spellings of a code are compared by: only the ASCII letters (and, when asked, digits), upper case,
/// so "Not yet recruiting", "NOT_YET_RECRUITING" and "not-yet recruiting" all become <c>NOTYETRECRUITING</c>.
/// </summary>
internal static class CodeKey
{
    /// <summary>The key of <paramref name="text"/>: what <c>[^A-Za-z]</c> (or <c>[^A-Za-z0-9]</c>) removed, upper-cased.</summary>
    public static string Of(string text, bool digits)
    {
        Span<char> key = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterLower(c))
            {
                key[length++] = (char)(c - ('a' - 'A'));
            }
            else if (char.IsAsciiLetterUpper(c) || (digits && char.IsAsciiDigit(c)))
            {
                key[length++] = c;
            }
        }
        return length == text.Length ? (text.AsSpan().SequenceEqual(key) ? text : new string(key)) : new string(key[..length]);
    }
}
