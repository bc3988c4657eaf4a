using System.Globalization;
using System.Text.RegularExpressions;

namespace MscAlf.Data;

/// <summary>
/// A registry date that keeps the precision it was given: a year, a year and month (<c>2006-02</c>),
/// or a full date (<c>2007-01-09</c>). Ordering compares the first day each value can stand for.
/// </summary>
/// <param name="Year">The year.</param>
/// <param name="Month">The month (1–12), or null when only the year is known.</param>
/// <param name="Day">The day of the month, or null when only the year or month is known.</param>
public readonly partial record struct PartialDate(int Year, int? Month, int? Day) : IComparable<PartialDate>
{
    /// <summary>The first calendar day this value can stand for.</summary>
    public DateOnly FirstDay => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>True when the day is known.</summary>
    public bool IsFullDate => Day is not null;

    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>; false for anything else or a non-existent day.</summary>
    public static bool TryParse(string text, out PartialDate date)
    {
        date = default;
        var match = IsoPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        int? month = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : null;
        int? day = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : null;
        if (month is < 1 or > 12 || (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value))))
        {
            return false;
        }
        date = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>Parses an ISO date of any of the three precisions; throws <see cref="FormatException"/> otherwise.</summary>
    public static PartialDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not YYYY, YYYY-MM or YYYY-MM-DD");

    /// <inheritdoc />
    public int CompareTo(PartialDate other) => FirstDay.CompareTo(other.FirstDay);

    /// <summary>The ISO text at the value's own precision.</summary>
    public override string ToString() =>
        (Month, Day) switch
        {
            (null, _) => Year.ToString("D4", CultureInfo.InvariantCulture),
            (int m, null) => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{m:D2}"),
            (int m, int d) => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{m:D2}-{d:D2}"),
        };

    /// <summary>Compares by <see cref="FirstDay"/>.</summary>
    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    /// <summary>Compares by <see cref="FirstDay"/>.</summary>
    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    /// <summary>Compares by <see cref="FirstDay"/>.</summary>
    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    /// <summary>Compares by <see cref="FirstDay"/>.</summary>
    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();
}
