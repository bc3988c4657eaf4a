using System.Globalization;
using System.Text;
using MscAlf.Codes;
using MscAlf.Data;
using MscAlf.IO;

namespace MscAlf.Registry;

/// <summary>Compares two sets of trial records by NCT id.</summary>
public static class TrialDiff
{
    /// <summary>The kinds of change, in report order.</summary>
    public static IReadOnlyList<ChangeKind> Kinds => CodeSet<ChangeKind>.Values;

    /// <summary>The code a kind is written as in the table and the CSV (<c>new</c>, <c>status</c>, …).</summary>
    public static string Code(ChangeKind kind) => CodeSet<ChangeKind>.Code(kind);

    /// <summary>Every change, ordered by kind then NCT id.</summary>
    public static IReadOnlyList<TrialChange> Compare(IReadOnlyList<Trial> older, IReadOnlyList<Trial> newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var before = older.ToDictionary(t => t.NctId);
        var after = newer.ToDictionary(t => t.NctId);
        var changes = new List<TrialChange>();
        changes.AddRange(after.Keys.Except(before.Keys).Select(id => new TrialChange(ChangeKind.New, id, "", Describe(after[id]))));
        changes.AddRange(before.Keys.Except(after.Keys).Select(id => new TrialChange(ChangeKind.Vanished, id, Describe(before[id]), "")));
        foreach (var id in before.Keys.Intersect(after.Keys))
        {
            var (a, b) = (before[id], after[id]);
            Add(changes, ChangeKind.Status, id, a.OverallStatus, b.OverallStatus);
            if (a.Enrollment != b.Enrollment || (a.EnrollmentType is not null && b.EnrollmentType is not null && a.EnrollmentType != b.EnrollmentType))
            {
                // Counts are compared; the type only when both files know it (the website CSV export has none).
                Add(changes, ChangeKind.Enrollment, id, Enrollment(a), Enrollment(b));
            }
            Add(changes, ChangeKind.Phase, id, string.Join('|', a.Phases), string.Join('|', b.Phases));
        }
        return [.. changes.OrderBy(c => c.Kind).ThenBy(c => c.NctId, StringComparer.Ordinal)];
    }

    /// <summary>A fixed-width table with a count per kind.</summary>
    public static string ToTable(IReadOnlyList<TrialChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var text = new StringBuilder();
        text.AppendLine(string.Join(", ", Kinds.Select(k => $"{changes.Count(c => c.Kind == k)} {Code(k)}")));
        if (changes.Count == 0)
        {
            return text.AppendLine("No changes.").ToString();
        }
        var oldWidth = Math.Min(40, Math.Max(3, changes.Max(c => c.Old.Length)));
        text.AppendLine(CultureInfo.InvariantCulture, $"{"kind",-11}{"nct_id",-13}{"old".PadRight(oldWidth)}  new");
        foreach (var change in changes)
        {
            // Registry text goes to a terminal: control characters escaped, long values cut.
            var old = Located.Value(change.Old);
            old = old.Length > oldWidth ? old[..(oldWidth - 1)] + "…" : old;
            text.AppendLine(CultureInfo.InvariantCulture, $"{Code(change.Kind),-11}{change.NctId,-13}{old.PadRight(oldWidth)}  {Located.Value(change.New)}");
        }
        return text.ToString();
    }

    /// <summary>The changes as CSV: kind, nct_id, old, new (text cells guarded against formula injection).</summary>
    public static string ToCsv(IReadOnlyList<TrialChange> changes)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        WriteCsv(changes, text);
        return text.ToString();
    }

    /// <summary>Writes the changes as CSV to <paramref name="writer"/>.</summary>
    public static void WriteCsv(IReadOnlyList<TrialChange> changes, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(changes);
        using var csv = SafeCsv.Writer(writer);
        csv.Header(["kind", "nct_id", "old", "new"]);
        foreach (var change in changes)
        {
            csv.Row([Code(change.Kind), change.NctId, change.Old, change.New]);
        }
    }

    private static void Add(List<TrialChange> changes, ChangeKind kind, string id, string? old, string? @new)
    {
        if ((old ?? "") != (@new ?? ""))
        {
            changes.Add(new TrialChange(kind, id, old ?? "", @new ?? ""));
        }
    }

    private static string Enrollment(Trial trial) =>
        trial.Enrollment is { } n ? $"{n.ToString(CultureInfo.InvariantCulture)}{(trial.EnrollmentType is { } t ? " " + CodeSet<EnrollmentType>.Code(t) : "")}" : "";

    private static string Describe(Trial trial) => $"{trial.OverallStatus ?? "status unknown"}; {trial.Title}";
}
