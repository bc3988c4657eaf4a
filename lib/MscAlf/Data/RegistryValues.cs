namespace MscAlf.Data;

/// <summary>
/// The value sets of registry fields as the classic ClinicalTrials.gov display text writes them
/// (the spelling used in <c>data/trials.csv</c>).
/// </summary>
public static class RegistryValues
{
    /// <summary>Overall recruitment statuses.</summary>
    public static IReadOnlyList<string> Statuses { get; } =
    [
        "Not yet recruiting", "Recruiting", "Enrolling by invitation", "Active, not recruiting",
        "Suspended", "Terminated", "Completed", "Withdrawn", "Unknown status",
        "Available", "No longer available", "Temporarily not available", "Approved for marketing", "Withheld",
    ];

    /// <summary>Last known statuses (shown when the overall status is "Unknown status").</summary>
    public static IReadOnlyList<string> LastKnownStatuses { get; } =
    [
        "Not yet recruiting", "Recruiting", "Enrolling by invitation", "Active, not recruiting",
    ];

    /// <summary>Study phases; a record may list two (Phase 1|Phase 2).</summary>
    public static IReadOnlyList<string> Phases { get; } =
        ["Early Phase 1", "Phase 1", "Phase 2", "Phase 3", "Phase 4", "Not Applicable"];

    /// <summary>Study types.</summary>
    public static IReadOnlyList<string> StudyTypes { get; } = ["Interventional", "Observational", "Expanded Access"];
}
