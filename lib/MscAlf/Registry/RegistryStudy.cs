using MscAlf.Data;
using MscAlf.IO;

namespace MscAlf.Registry;

/// <summary>
/// One study as a registry export gives it, before any classification: values in the registry's own spelling
/// (API enums such as <c>PHASE1</c> or <c>NOT_YET_RECRUITING</c>), missing values null.
/// </summary>
public sealed record RegistryStudy
{
    /// <summary>The NCT number (the only required value).</summary>
    public required string NctId { get; init; }
    /// <summary>Where the record was read: <c>file:line</c> for CSV, <c>file#index</c> for JSON.</summary>
    public required string Origin { get; init; }
    /// <summary>Brief title.</summary>
    public string? Title { get; init; }
    /// <summary>Official title.</summary>
    public string? OfficialTitle { get; init; }
    /// <summary>Brief summary.</summary>
    public string? Summary { get; init; }
    /// <summary>Conditions.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];
    /// <summary>Interventions as <c>TYPE: name</c>, then their descriptions and other names.</summary>
    public IReadOnlyList<string> Interventions { get; init; } = [];
    /// <summary>The interventions themselves, one <c>TYPE: name</c> each (no descriptions).</summary>
    public IReadOnlyList<string> InterventionNames { get; init; } = [];
    /// <summary>Arm groups as <c>label: description</c>, when the export has them (API JSON).</summary>
    public IReadOnlyList<string> Arms { get; init; } = [];
    /// <summary>Phases, registry spelling.</summary>
    public IReadOnlyList<string> Phases { get; init; } = [];
    /// <summary>Overall status, registry spelling.</summary>
    public string? OverallStatus { get; init; }
    /// <summary>Last known status, registry spelling.</summary>
    public string? LastKnownStatus { get; init; }
    /// <summary>Status verified date.</summary>
    public PartialDate? StatusVerifiedDate { get; init; }
    /// <summary>Study type, registry spelling.</summary>
    public string? StudyType { get; init; }
    /// <summary>Enrollment count.</summary>
    public int? Enrollment { get; init; }
    /// <summary>Enrollment type (ACTUAL, ESTIMATED), when the export has it.</summary>
    public string? EnrollmentType { get; init; }
    /// <summary>Countries of the sites (a country once even with several sites).</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];
    /// <summary>Start date.</summary>
    public PartialDate? StartDate { get; init; }
    /// <summary>First posted.</summary>
    public PartialDate? FirstPosted { get; init; }
    /// <summary>Last update posted.</summary>
    public PartialDate? LastUpdatePosted { get; init; }
    /// <summary>Lead sponsor.</summary>
    public string? Sponsor { get; init; }
    /// <summary>The registry data version (API <c>versionHolder</c>), when the export has it.</summary>
    public string? DataVersion { get; init; }
}

/// <summary>A record a reader could not take, located.</summary>
/// <param name="Origin">Where the record is (<c>file:line</c> or <c>file#index</c>).</param>
/// <param name="Field">The field at fault, or null for the whole record.</param>
/// <param name="Value">The offending value, when there is one.</param>
/// <param name="Expected">What was expected.</param>
public sealed record RecordError(string Origin, string? Field, string? Value, string Expected)
{
    /// <inheritdoc />
    /// <remarks>The origin and value are quoted for a terminal: control characters escaped, long values cut.</remarks>
    public override string ToString() =>
        $"{Located.Value(Origin)}:{(Field is null ? "" : $" field '{Located.Value(Field)}':")}{(Value is null ? "" : $" value '{Located.Value(Value)}':")} {Expected}";
}

/// <summary>
/// One thing a reader met, in input order: a study, or the errors of one record (or of one unreadable file or zip
/// entry) that it could not take. A record is either imported or skipped, never both.
/// </summary>
/// <param name="Study">The study, when the record was read.</param>
/// <param name="Errors">The record's errors, when it was not (never empty then).</param>
public sealed record RegistryItem(RegistryStudy? Study, IReadOnlyList<RecordError> Errors)
{
    /// <summary>A record read.</summary>
    public static RegistryItem Of(RegistryStudy study) => new(study, []);

    /// <summary>A record, file or entry that could not be read.</summary>
    public static RegistryItem Invalid(params RecordError[] errors) => new(null, errors);

    /// <summary>A record that could not be read, with every error found in it.</summary>
    public static RegistryItem Invalid(IReadOnlyList<RecordError> errors) => new(null, errors);
}

/// <summary>What a reader got from a file or folder, gathered in memory (for small inputs and notebooks).</summary>
/// <param name="Studies">The records read.</param>
/// <param name="Errors">The errors of the records it could not take.</param>
/// <param name="Skipped">How many records (or unreadable files) were not taken.</param>
public sealed record ReadResult(IReadOnlyList<RegistryStudy> Studies, IReadOnlyList<RecordError> Errors, int Skipped)
{
    /// <summary>Records seen, good or bad.</summary>
    public int RecordsRead => Studies.Count + Skipped;

    /// <summary>Gathers <paramref name="items"/>.</summary>
    public static ReadResult From(IEnumerable<RegistryItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var studies = new List<RegistryStudy>();
        var errors = new List<RecordError>();
        var skipped = 0;
        foreach (var item in items)
        {
            if (item.Study is { } study)
            {
                studies.Add(study);
            }
            else
            {
                errors.AddRange(item.Errors);
                skipped++;
            }
        }
        return new ReadResult(studies, errors, skipped);
    }
}

/// <summary>Checks shared by the readers.</summary>
internal static partial class Fields
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
