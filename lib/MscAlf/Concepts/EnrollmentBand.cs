using MscAlf.Codes;

namespace MscAlf.Concepts;

/// <summary>Participant-number bands of Figure 2 panel E.</summary>
public enum Band
{
    /// <summary>1 to 20 participants.</summary>
    UpTo20,
    /// <summary>21 to 50.</summary>
    From21To50,
    /// <summary>51 to 100.</summary>
    From51To100,
    /// <summary>101 to 200.</summary>
    From101To200,
    /// <summary>More than 200.</summary>
    Over200,
    /// <summary>No count, or a count of 0 (a withdrawn trial).</summary>
    Unknown,
}

/// <summary>Whether the count a band was computed from is the number enrolled or a target.</summary>
public enum CountKind
{
    /// <summary>Actual enrollment.</summary>
    Actual,
    /// <summary>A target: anticipated or estimated enrollment.</summary>
    Target,
    /// <summary>The registry does not say.</summary>
    Unknown,
}

/// <summary>
/// Enrollment band, in the ctrdata manner. Reads the registry enrollment count and type. Edges are inclusive
/// upper bounds: 1–20, 21–50, 51–100, 101–200, over 200 (the bands of the research summary, chosen to split the
/// 69 trials roughly evenly; the review does not publish its own). A missing count or 0 falls through to Unknown.
/// Anticipated and estimated counts are both targets.
/// </summary>
public static class EnrollmentBand
{
    /// <summary>Labels, colours and display order.</summary>
    public static ValueSet<Band> Values { get; } = new(
        (Band.UpTo20, "1–20", "#C7E9C0"),
        (Band.From21To50, "21–50", "#A1D99B"),
        (Band.From51To100, "51–100", "#74C476"),
        (Band.From101To200, "101–200", "#31A354"),
        (Band.Over200, ">200", "#006D2C"),
        (Band.Unknown, "Unknown", Palette.Unknown));

    /// <summary>Labels, colours and display order of the count kinds.</summary>
    public static ValueSet<CountKind> Kinds { get; } = new(
        (CountKind.Actual, "Actual", "#006D2C"),
        (CountKind.Target, "Target (anticipated/estimated)", "#74C476"),
        (CountKind.Unknown, "Not stated", Palette.Unknown));

    /// <summary>The band of a count.</summary>
    public static Classified<Band> Classify(int? count) => count switch
    {
        null or <= 0 => new(Band.Unknown, count?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        <= 20 => new(Band.UpTo20, Text(count)),
        <= 50 => new(Band.From21To50, Text(count)),
        <= 100 => new(Band.From51To100, Text(count)),
        <= 200 => new(Band.From101To200, Text(count)),
        _ => new(Band.Over200, Text(count)),
    };

    /// <summary>Whether a registry enrollment type is actual or a target.</summary>
    public static CountKind KindOf(EnrollmentType? type) => type switch
    {
        EnrollmentType.Actual => CountKind.Actual,
        EnrollmentType.Anticipated or EnrollmentType.Estimated => CountKind.Target,
        _ => CountKind.Unknown,
    };

    private static string Text(int? count) => count!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
