using MscAlf.Data;

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
    /// <summary>Detailed description, when the export has it (API JSON).</summary>
    public string? Description { get; init; }
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
