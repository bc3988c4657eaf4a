using MscAlf.Concepts;
using MscAlf.Data;

namespace MscAlf.Registry;

/// <summary>A registry record in the <c>trials.csv</c> schema with the derived concepts applied.</summary>
/// <param name="Trial">The record; its curated columns (MSC source, administration, scope) are automatic here.</param>
/// <param name="Phase">The phase group.</param>
/// <param name="Status">The status group.</param>
/// <param name="Condition">The condition category and cirrhosis subtype.</param>
/// <param name="ConditionEvidence">The text that decided the condition.</param>
/// <param name="Band">The enrollment band.</param>
/// <param name="CountryCodes">ISO alpha-3 codes of the recognised countries.</param>
public sealed record ImportedTrial(Trial Trial, Phase Phase, Status Status, ConditionClass Condition, string? ConditionEvidence,
    Band Band, IReadOnlyList<string> CountryCodes)
{
    /// <summary>True unless the condition classifier found no liver condition.</summary>
    public bool IsLiver => Condition.Category != Concepts.Condition.NotLiver;
}
