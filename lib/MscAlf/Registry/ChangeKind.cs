namespace MscAlf.Registry;

/// <summary>
/// The kinds of change <see cref="TrialDiff"/> reports, in report order. Written as their codes (<c>new</c>,
/// <c>vanished</c>, <c>status</c>, <c>enrollment</c>, <c>phase</c>) in the diff's table and CSV.
/// </summary>
public enum ChangeKind
{
    /// <summary>A trial only the later snapshot has.</summary>
    New,

    /// <summary>A trial only the earlier snapshot has.</summary>
    Vanished,

    /// <summary>The overall status changed.</summary>
    Status,

    /// <summary>The enrollment count (or, when both know it, its type) changed.</summary>
    Enrollment,

    /// <summary>The phases changed.</summary>
    Phase,
}
