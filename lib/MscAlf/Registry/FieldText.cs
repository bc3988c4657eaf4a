using MscAlf.Data;

namespace MscAlf.Registry;

/// <summary>
/// The registry field values the readers share: text cleaned of stray white space, <c>|</c>-separated lists, NCT ids,
/// dates in the registry's spellings and counts, each bad value reported as a located <see cref="RecordError"/>.
/// </summary>
internal static partial class FieldText
{
    /// <summary>The value with runs of white space made one space and the ends trimmed; null when empty.</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        return IsClean(value) ? value : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>White space other than the plain space (every char for which <see cref="char.IsWhiteSpace(char)"/> holds).</summary>
    private static readonly System.Buffers.SearchValues<char> OtherWhiteSpace = System.Buffers.SearchValues.Create(
        "\t\n\u000B\f\r\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    /// <summary>True when <paramref name="value"/> has no white space at its ends, none but single plain spaces inside.</summary>
    private static bool IsClean(string value) =>
        value[0] != ' ' && value[^1] != ' ' && !value.AsSpan().ContainsAny(OtherWhiteSpace) && !value.Contains("  ", StringComparison.Ordinal);

    public static IReadOnlyList<string> List(string? value) =>
        value is null ? [] : [.. value.Split('|').Select(Clean).OfType<string>()];

    public static bool IsNctId(string? value) => value is not null && NctPattern().IsMatch(value);

    public static PartialDate? Date(string? value, string origin, string field, List<RecordError> errors)
    {
        if (Clean(value) is not { } text)
        {
            return null;
        }
        if (PartialDate.TryParse(text, out var date))
        {
            return date;
        }
        // The classic website export wrote "March 15, 2019" or "March 2019".
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var style = System.Globalization.DateTimeStyles.None;
        if (DateTime.TryParseExact(text, ["MMMM d, yyyy", "MMMM dd, yyyy"], culture, style, out var day))
        {
            return new PartialDate(day.Year, day.Month, day.Day);
        }
        if (DateTime.TryParseExact(text, "MMMM yyyy", culture, style, out var month))
        {
            return new PartialDate(month.Year, month.Month, null);
        }
        errors.Add(new RecordError(origin, field, text, "a date: YYYY, YYYY-MM, YYYY-MM-DD (or the classic export's 'March 2019', 'March 15, 2019')"));
        return null;
    }

    public static int? Integer(string? value, string origin, string field, List<RecordError> errors)
    {
        if (Clean(value) is not { } text)
        {
            return null;
        }
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        errors.Add(new RecordError(origin, field, text, "a whole number"));
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^NCT[0-9]{8}$")]
    private static partial System.Text.RegularExpressions.Regex NctPattern();
}
