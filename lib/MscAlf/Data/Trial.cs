using MscAlf.Codes;

namespace MscAlf.Data;

/// <summary>
/// One ClinicalTrials.gov record of <c>data/trials.csv</c>: registry values as of the snapshot, the curated
/// MSC source, administration and scope with their evidence, and the sources read. Empty cells are nulls
/// or empty lists: unknown stays unknown.
/// </summary>
public sealed record Trial
{
    /// <summary>The registry identifier (NCT followed by eight digits).</summary>
    public required string NctId { get; init; }
    /// <summary>The brief title.</summary>
    public string? Title { get; init; }
    /// <summary>Conditions as the registry lists them.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];
    /// <summary>Registry phases (two for a combined phase; none for an observational study).</summary>
    public IReadOnlyList<string> Phases { get; init; } = [];
    /// <summary>Overall status at the snapshot.</summary>
    public string? OverallStatus { get; init; }
    /// <summary>Last known status, shown by the registry when the status is unknown.</summary>
    public string? LastKnownStatus { get; init; }
    /// <summary>When the sponsor last verified the status.</summary>
    public PartialDate? StatusVerifiedDate { get; init; }
    /// <summary>The status derived for November 2021 (data/README.md gives the rule), or null.</summary>
    public string? Status2021November { get; init; }
    /// <summary>Interventional, observational or expanded access.</summary>
    public string? StudyType { get; init; }
    /// <summary>The enrollment count.</summary>
    public int? Enrollment { get; init; }
    /// <summary>Whether the enrollment count is actual or a target.</summary>
    public EnrollmentType? EnrollmentType { get; init; }
    /// <summary>The curated MSC source.</summary>
    public required MscSourceCode MscSource { get; init; }
    /// <summary>The registry text behind <see cref="MscSource"/>, verbatim (may be cut).</summary>
    public string? MscSourceEvidence { get; init; }
    /// <summary>Autologous or allogeneic where the record says so.</summary>
    public Administration? Administration { get; init; }
    /// <summary>The registry text behind <see cref="Administration"/>.</summary>
    public string? AdministrationEvidence { get; init; }
    /// <summary>Countries with sites, registry names.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];
    /// <summary>Study start.</summary>
    public PartialDate? StartDate { get; init; }
    /// <summary>First posted on the registry.</summary>
    public PartialDate? FirstPosted { get; init; }
    /// <summary>Last update posted on the registry.</summary>
    public PartialDate? LastUpdatePosted { get; init; }
    /// <summary>The lead sponsor.</summary>
    public string? Sponsor { get; init; }
    /// <summary>Whether the record belongs to the review's population.</summary>
    public required Scope Scope { get; init; }
    /// <summary>Why the scope is what it is, where it needs saying.</summary>
    public string? ScopeNote { get; init; }
    /// <summary>What curation did to a raw value, where it did anything.</summary>
    public string? CurationNotes { get; init; }
    /// <summary>The registry data versions read.</summary>
    public IReadOnlyList<string> Snapshot { get; init; } = [];
    /// <summary>Every page or file read for this record.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>The schema of <c>data/trials.csv</c>; <c>data/data-dictionary.csv</c> documents the same columns.</summary>
    public static TableSchema Schema { get; } = new("trials.csv",
    [
        new("nct_id", ColumnType.Text, true, []) { Pattern = "^NCT[0-9]{8}$" },
        new("title", ColumnType.Text, false, []),
        new("conditions", ColumnType.TextList, false, []),
        new("phases", ColumnType.CodeList, false, RegistryValues.Phases),
        new("overall_status", ColumnType.Code, false, RegistryValues.Statuses),
        new("last_known_status", ColumnType.Code, false, RegistryValues.LastKnownStatuses),
        new("status_verified_date", ColumnType.Date, false, []),
        new("status_2021_11", ColumnType.Code, false, RegistryValues.Statuses),
        new("study_type", ColumnType.Code, false, RegistryValues.StudyTypes),
        new("enrollment", ColumnType.Integer, false, []),
        new("enrollment_type", ColumnType.Code, false, CodeSet<EnrollmentType>.Codes),
        new("msc_source", ColumnType.Code, true, CodeSet<MscSourceCode>.Codes),
        new("msc_source_evidence", ColumnType.Text, false, []),
        new("administration", ColumnType.Code, false, CodeSet<Administration>.Codes),
        new("administration_evidence", ColumnType.Text, false, []),
        new("countries", ColumnType.TextList, false, []),
        new("start_date", ColumnType.Date, false, []),
        new("first_posted", ColumnType.Date, false, []),
        new("last_update_posted", ColumnType.Date, false, []),
        new("sponsor", ColumnType.Text, false, []),
        new("scope", ColumnType.Code, true, CodeSet<Scope>.Codes),
        new("scope_note", ColumnType.Text, false, []),
        new("curation_notes", ColumnType.Text, false, []),
        new("snapshot", ColumnType.TextList, false, []),
        new("sources", ColumnType.TextList, true, []),
    ], ["nct_id"]);

    /// <summary>Builds a trial from a row that passed <see cref="Schema"/>.</summary>
    public static Trial FromRow(CsvRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Trial
        {
            NctId = row.Required("nct_id"),
            Title = row.Get("title"),
            Conditions = row.List("conditions"),
            Phases = row.List("phases"),
            OverallStatus = row.Get("overall_status"),
            LastKnownStatus = row.Get("last_known_status"),
            StatusVerifiedDate = row.Date("status_verified_date"),
            Status2021November = row.Get("status_2021_11"),
            StudyType = row.Get("study_type"),
            Enrollment = row.Integer("enrollment"),
            EnrollmentType = row.Code<EnrollmentType>("enrollment_type"),
            MscSource = row.Code<MscSourceCode>("msc_source")!.Value,
            MscSourceEvidence = row.Get("msc_source_evidence"),
            Administration = row.Code<Administration>("administration"),
            AdministrationEvidence = row.Get("administration_evidence"),
            Countries = row.List("countries"),
            StartDate = row.Date("start_date"),
            FirstPosted = row.Date("first_posted"),
            LastUpdatePosted = row.Date("last_update_posted"),
            Sponsor = row.Get("sponsor"),
            Scope = row.Code<Scope>("scope")!.Value,
            ScopeNote = row.Get("scope_note"),
            CurationNotes = row.Get("curation_notes"),
            Snapshot = row.List("snapshot"),
            Sources = row.List("sources"),
        };
    }
}
