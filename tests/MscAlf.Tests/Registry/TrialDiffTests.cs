using MscAlf.Data;
using MscAlf.Registry;

namespace MscAlf.Tests.Registry;

public sealed class TrialDiffTests
{
    private static Trial T(string id, string? status = "Recruiting", int? enrollment = 30, string phase = "Phase 2") => new()
    {
        NctId = id, MscSource = MscAlf.Codes.MscSourceCode.BoneMarrow, Scope = MscAlf.Codes.Scope.InScope, Sources = ["s"],
        OverallStatus = status, Enrollment = enrollment, Phases = [phase],
    };

    [Fact]
    public void Compare_WhenSnapshotsDiffer_ReportsEachKindOfChange()
    {
        Trial[] older = [T("NCT00000001"), T("NCT00000002"), T("NCT00000003")];
        Trial[] newer = [T("NCT00000001", status: "Completed", enrollment: 28), T("NCT00000003", phase: "Phase 3"), T("NCT00000004")];
        var changes = TrialDiff.Compare(older, newer);
        Assert.Equal(
            [(ChangeKind.New, "NCT00000004"), (ChangeKind.Vanished, "NCT00000002"), (ChangeKind.Status, "NCT00000001"),
                (ChangeKind.Enrollment, "NCT00000001"), (ChangeKind.Phase, "NCT00000003")],
            changes.Select(c => (c.Kind, c.NctId)));
        Assert.Equal(("Recruiting", "Completed"), (changes[2].Old, changes[2].New));
        Assert.StartsWith("kind,nct_id,old,new\nnew,NCT00000004,,", TrialDiff.ToCsv(changes), StringComparison.Ordinal);
        Assert.StartsWith("1 new, 1 vanished, 1 status, 1 enrollment, 1 phase", TrialDiff.ToTable(changes), StringComparison.Ordinal);
        Assert.Contains("\nstatus     NCT00000001  ", TrialDiff.ToTable(changes), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_WhenSame_ReportsNothing() =>
        Assert.Empty(TrialDiff.Compare(TestData.Dataset.Trials, TestData.Dataset.Trials));
}
