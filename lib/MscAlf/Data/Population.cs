using MscAlf.Codes;

namespace MscAlf.Data;

/// <summary>
/// The trial population of the review's Figure 2: ClinicalTrials.gov records of MSC therapy in liver
/// conditions first posted before 1 December 2021 (the review searched in November 2021), curated as in scope.
/// </summary>
public static class Population
{
    /// <summary>The first day after the review's search month.</summary>
    public static PartialDate Cutoff { get; } = new(2021, 12, 1);

    /// <summary>True for an in-scope trial whose record was first posted before <see cref="Cutoff"/>.</summary>
    public static bool IsNovember2021(Trial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return trial.Scope == Scope.InScope && trial.FirstPosted is { } posted && posted < Cutoff;
    }
}
