using MscAlf.Data;

namespace MscAlf.Concepts;

/// <summary>Recruitment status as Figure 2 panel B groups it.</summary>
public enum Status
{
    /// <summary>Not yet recruiting.</summary>
    NotYetRecruiting,
    /// <summary>Recruiting.</summary>
    Recruiting,
    /// <summary>Enrolling by invitation.</summary>
    EnrollingByInvitation,
    /// <summary>Active, not recruiting.</summary>
    ActiveNotRecruiting,
    /// <summary>Suspended.</summary>
    Suspended,
    /// <summary>Terminated.</summary>
    Terminated,
    /// <summary>Completed.</summary>
    Completed,
    /// <summary>Withdrawn.</summary>
    Withdrawn,
    /// <summary>The registry's "Unknown status": not verified for over two years.</summary>
    UnknownStatus,
    /// <summary>Expanded-access statuses (available, no longer available, …).</summary>
    ExpandedAccess,
    /// <summary>No value: not derivable for the snapshot asked, or not given.</summary>
    NotAvailable,
}

/// <summary>
/// Status, in the ctrdata manner. Reads the registry's overall status in either spelling: classic display text
/// ("Unknown status", "Active, not recruiting") or API v2 enum (UNKNOWN, ACTIVE_NOT_RECRUITING). Expanded-access
/// values group as one category. An empty value is Not available; any other text falls through to
/// Not available with the text kept as evidence. Plausibility-checked against the registry's value lists.
/// </summary>
public static class TrialStatus
{
    /// <summary>Labels, colours and display order.</summary>
    public static ValueSet<Status> Values { get; } = new(
        (Status.NotYetRecruiting, "Not yet recruiting", "#56B4E9"),
        (Status.Recruiting, "Recruiting", "#009E73"),
        (Status.EnrollingByInvitation, "Enrolling by invitation", "#1B9E77"),
        (Status.ActiveNotRecruiting, "Active, not recruiting", "#0072B2"),
        (Status.Suspended, "Suspended", "#F0E442"),
        (Status.Terminated, "Terminated", "#D55E00"),
        (Status.Completed, "Completed", "#000000"),
        (Status.Withdrawn, "Withdrawn", "#CC79A7"),
        (Status.UnknownStatus, "Unknown status", "#E69F00"),
        (Status.ExpandedAccess, "Expanded access", "#8C564B"),
        (Status.NotAvailable, "Not available", Palette.Unknown));

    /// <summary>Each snapshot with its code (the command line's <c>--snapshot</c> value, the manifest's) and how figures describe it.</summary>
    private static readonly (StatusSnapshot Snapshot, string Code, string Description)[] Snapshots =
    [
        (StatusSnapshot.Registry2022October, "2022-10", "registry status, October 2022 snapshot"),
        (StatusSnapshot.Derived2021November, "2021-11", "status derived for November 2021"),
    ];

    /// <summary>The snapshot codes, the registry snapshot first.</summary>
    public static IReadOnlyList<string> SnapshotCodes { get; } = [Snapshots[0].Code, Snapshots[1].Code];

    /// <summary>How each snapshot is described on figures.</summary>
    public static string Describe(StatusSnapshot snapshot) => Snapshots.Single(s => s.Snapshot == snapshot).Description;

    /// <summary>The code used on the command line (<c>2022-10</c>, <c>2021-11</c>).</summary>
    public static string Code(StatusSnapshot snapshot) => Snapshots.Single(s => s.Snapshot == snapshot).Code;

    /// <summary>The snapshot whose code is <paramref name="code"/>; throws <see cref="FormatException"/> for any other text.</summary>
    public static StatusSnapshot ParseSnapshot(string code) =>
        Snapshots.FirstOrDefault(s => s.Code == code) is { Code: not null } found
            ? found.Snapshot
            : throw new FormatException($"'{code}' is not a status snapshot; use {string.Join(" or ", SnapshotCodes)}");

    /// <summary>Classifies one registry status text.</summary>
    public static Classified<Status> Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(Status.NotAvailable, null);
        }
        var key = CodeKey.Of(text, digits: false);
        var value = key switch
        {
            "NOTYETRECRUITING" => Status.NotYetRecruiting,
            "RECRUITING" => Status.Recruiting,
            "ENROLLINGBYINVITATION" => Status.EnrollingByInvitation,
            "ACTIVENOTRECRUITING" => Status.ActiveNotRecruiting,
            "SUSPENDED" => Status.Suspended,
            "TERMINATED" => Status.Terminated,
            "COMPLETED" => Status.Completed,
            "WITHDRAWN" => Status.Withdrawn,
            "UNKNOWN" or "UNKNOWNSTATUS" => Status.UnknownStatus,
            "AVAILABLE" or "NOLONGERAVAILABLE" or "TEMPORARILYNOTAVAILABLE" or "APPROVEDFORMARKETING" or "WITHHELD"
                => Status.ExpandedAccess,
            _ => Status.NotAvailable,
        };
        return new(value, text);
    }

    /// <summary>The status of <paramref name="trial"/> at <paramref name="snapshot"/>.</summary>
    public static Classified<Status> Of(Trial trial, StatusSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return Classify(snapshot == StatusSnapshot.Registry2022October ? trial.OverallStatus : trial.Status2021November);
    }
}
