using System.Globalization;
using MscAlf.Codes;

namespace MscAlf.Data;

/// <summary>
/// The 25 columns of <c>trials.csv</c> in file order, each declared once with its type, its property of
/// <see cref="Trial"/> and its cell text (<see cref="TrialColumn"/>).
/// </summary>
public static class TrialColumns
{
    /// <summary>Every column, in file order.</summary>
    public static IReadOnlyList<TrialColumn> All { get; } =
    [
        Text("nct_id", true, t => t.NctId, (t, v) => t with { NctId = v! }, pattern: "^NCT[0-9]{8}$"),
        Text("title", false, t => t.Title, (t, v) => t with { Title = v }),
        List("conditions", ColumnType.TextList, false, [], t => t.Conditions, (t, v) => t with { Conditions = v }),
        List("phases", ColumnType.CodeList, false, RegistryValues.Phases, t => t.Phases, (t, v) => t with { Phases = v }),
        Code("overall_status", RegistryValues.Statuses, t => t.OverallStatus, (t, v) => t with { OverallStatus = v }),
        Code("last_known_status", RegistryValues.LastKnownStatuses, t => t.LastKnownStatus, (t, v) => t with { LastKnownStatus = v }),
        Date("status_verified_date", t => t.StatusVerifiedDate, (t, v) => t with { StatusVerifiedDate = v }),
        Code("status_2021_11", RegistryValues.Statuses, t => t.Status2021November, (t, v) => t with { Status2021November = v }),
        Code("study_type", RegistryValues.StudyTypes, t => t.StudyType, (t, v) => t with { StudyType = v }),
        Integer("enrollment", t => t.Enrollment, (t, v) => t with { Enrollment = v }),
        Enum<EnrollmentType>("enrollment_type", false, t => t.EnrollmentType, (t, v) => t with { EnrollmentType = v }),
        Enum<MscSourceCode>("msc_source", true, t => t.MscSource, (t, v) => t with { MscSource = v!.Value }),
        Text("msc_source_evidence", false, t => t.MscSourceEvidence, (t, v) => t with { MscSourceEvidence = v }),
        Enum<Administration>("administration", false, t => t.Administration, (t, v) => t with { Administration = v }),
        Text("administration_evidence", false, t => t.AdministrationEvidence, (t, v) => t with { AdministrationEvidence = v }),
        List("countries", ColumnType.TextList, false, [], t => t.Countries, (t, v) => t with { Countries = v }),
        Date("start_date", t => t.StartDate, (t, v) => t with { StartDate = v }),
        Date("first_posted", t => t.FirstPosted, (t, v) => t with { FirstPosted = v }),
        Date("last_update_posted", t => t.LastUpdatePosted, (t, v) => t with { LastUpdatePosted = v }),
        Text("sponsor", false, t => t.Sponsor, (t, v) => t with { Sponsor = v }),
        Enum<Scope>("scope", true, t => t.Scope, (t, v) => t with { Scope = v!.Value }),
        Text("scope_note", false, t => t.ScopeNote, (t, v) => t with { ScopeNote = v }),
        Text("curation_notes", false, t => t.CurationNotes, (t, v) => t with { CurationNotes = v }),
        List("snapshot", ColumnType.TextList, false, [], t => t.Snapshot, (t, v) => t with { Snapshot = v }),
        List("sources", ColumnType.TextList, true, [], t => t.Sources, (t, v) => t with { Sources = v }),
    ];

    /// <summary>
    /// The items of a list column as one cell: <c>|</c>-joined, null when there are none. An item holding the separator
    /// itself cannot be written (it would read back as two) and throws <see cref="ArgumentException"/>.
    /// </summary>
    public static string? JoinList(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.FirstOrDefault(i => i.Contains(ColumnSpec.ListSeparator, StringComparison.Ordinal)) is { } bad)
        {
            throw new ArgumentException($"A list item contains the list separator '{ColumnSpec.ListSeparator}': {bad}");
        }
        return items.Count == 0 ? null : string.Join(ColumnSpec.ListSeparator, items);
    }

    private static TrialColumn Text(string name, bool required, Func<Trial, string?> get, Func<Trial, string?, Trial> set, string? pattern = null) => new()
    {
        Spec = new(name, ColumnType.Text, required, []) { Pattern = pattern },
        Cell = get,
        Read = (t, row) => set(t, row.Get(name)),
    };

    private static TrialColumn Code(string name, IReadOnlyList<string> allowed, Func<Trial, string?> get, Func<Trial, string?, Trial> set) => new()
    {
        Spec = new(name, ColumnType.Code, false, allowed),
        Cell = get,
        Read = (t, row) => set(t, row.Get(name)),
    };

    private static TrialColumn List(string name, ColumnType type, bool required, IReadOnlyList<string> allowed,
        Func<Trial, IReadOnlyList<string>> get, Func<Trial, IReadOnlyList<string>, Trial> set) => new()
        {
            Spec = new(name, type, required, allowed),
            Cell = t => JoinList(get(t)),
            Read = (t, row) => set(t, row.List(name)),
        };

    private static TrialColumn Date(string name, Func<Trial, PartialDate?> get, Func<Trial, PartialDate?, Trial> set) => new()
    {
        Spec = new(name, ColumnType.Date, false, []),
        Cell = t => get(t)?.ToString(),
        Read = (t, row) => set(t, row.Date(name)),
    };

    private static TrialColumn Integer(string name, Func<Trial, int?> get, Func<Trial, int?, Trial> set) => new()
    {
        Spec = new(name, ColumnType.Integer, false, []),
        Cell = t => get(t)?.ToString(CultureInfo.InvariantCulture),
        Read = (t, row) => set(t, row.Integer(name)),
        Integer = get,
    };

    private static TrialColumn Enum<T>(string name, bool required, Func<Trial, T?> get, Func<Trial, T?, Trial> set)
        where T : struct, System.Enum => new()
        {
            Spec = new(name, ColumnType.Code, required, CodeSet<T>.Codes),
            Cell = t => get(t) is { } value ? CodeSet<T>.Code(value) : null,
            Read = (t, row) => set(t, row.Code<T>(name)),
        };
}
