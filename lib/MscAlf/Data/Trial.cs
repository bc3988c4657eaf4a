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

    /// <summary>The schema of <c>data/trials.csv</c>, from <see cref="TrialColumns"/>; <c>data/data-dictionary.csv</c> documents the same columns.</summary>
    public static TableSchema Schema { get; } = new("trials.csv", [.. TrialColumns.All.Select(c => c.Spec)], ["nct_id"]);

    /// <summary>What <see cref="FromRow"/> starts from before each column sets its value.</summary>
    private static readonly Trial Blank = new() { NctId = "", MscSource = default, Scope = default, Sources = [] };

    /// <summary>Builds a trial from a row that passed <see cref="Schema"/>, column by column (<see cref="TrialColumns"/>).</summary>
    public static Trial FromRow(CsvRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return TrialColumns.All.Aggregate(Blank, (trial, column) => column.Read(trial, row));
    }
}
