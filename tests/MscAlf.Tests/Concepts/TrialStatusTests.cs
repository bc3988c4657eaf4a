using MscAlf.Concepts;
using MscAlf.Data;

namespace MscAlf.Tests.Concepts;

public sealed class TrialStatusTests
{
    [Theory]
    [InlineData("Not yet recruiting", Status.NotYetRecruiting)]
    [InlineData("NOT_YET_RECRUITING", Status.NotYetRecruiting)]
    [InlineData("Recruiting", Status.Recruiting)]
    [InlineData("ENROLLING_BY_INVITATION", Status.EnrollingByInvitation)]
    [InlineData("Active, not recruiting", Status.ActiveNotRecruiting)]
    [InlineData("ACTIVE_NOT_RECRUITING", Status.ActiveNotRecruiting)]
    [InlineData("SUSPENDED", Status.Suspended)]
    [InlineData("Terminated", Status.Terminated)]
    [InlineData("COMPLETED", Status.Completed)]
    [InlineData("Withdrawn", Status.Withdrawn)]
    [InlineData("Unknown status", Status.UnknownStatus)]
    [InlineData("UNKNOWN", Status.UnknownStatus)]
    [InlineData("NO_LONGER_AVAILABLE", Status.ExpandedAccess)]
    [InlineData("", Status.NotAvailable)]
    [InlineData(null, Status.NotAvailable)]
    [InlineData("Paused for lunch", Status.NotAvailable)]
    public void Classify_WhenRegistryTextOrEnum_ReturnsOneCodeSet(string? text, Status expected) =>
        Assert.Equal(expected, TrialStatus.Classify(text).Value);

    [Fact]
    public void Of_WhenSnapshotDiffers_ReadsTheMatchingColumn()
    {
        var trial = new Trial
        {
            NctId = "NCT00000001", MscSource = MscAlf.Codes.MscSourceCode.BoneMarrow, Scope = MscAlf.Codes.Scope.InScope, Sources = ["x"],
            OverallStatus = "Unknown status", Status2021November = null,
        };
        Assert.Equal(Status.UnknownStatus, TrialStatus.Of(trial, StatusSnapshot.Registry2022October).Value);
        Assert.Equal(Status.NotAvailable, TrialStatus.Of(trial, StatusSnapshot.Derived2021November).Value);
    }

    [Theory]
    [InlineData(StatusSnapshot.Registry2022October, "2022-10")]
    [InlineData(StatusSnapshot.Derived2021November, "2021-11")]
    public void ParseSnapshot_WhenGivenTheCodeOfASnapshot_ReturnsIt(StatusSnapshot snapshot, string code)
    {
        Assert.Equal(code, TrialStatus.Code(snapshot));
        Assert.Equal(snapshot, TrialStatus.ParseSnapshot(code));
        Assert.Contains(code, TrialStatus.SnapshotCodes);
    }

    [Fact]
    public void ParseSnapshot_WhenTheCodeIsUnknown_ThrowsNamingTheCodes()
    {
        var error = Assert.Throws<FormatException>(() => TrialStatus.ParseSnapshot("2023-01"));
        Assert.Contains("2022-10 or 2021-11", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotCodes_WhenListed_NameEverySnapshot() =>
        Assert.Equal(Enum.GetValues<StatusSnapshot>().Select(TrialStatus.Code), TrialStatus.SnapshotCodes);
}
