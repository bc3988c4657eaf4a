namespace MscAlf.Registry;

/// <summary>One change between two trial snapshots.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="NctId">The trial.</param>
/// <param name="Old">The earlier value (empty for a new trial).</param>
/// <param name="New">The later value (empty for a vanished trial).</param>
public sealed record TrialChange(ChangeKind Kind, string NctId, string Old, string New);
