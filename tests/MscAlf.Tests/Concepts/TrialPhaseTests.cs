using MscAlf.Concepts;

namespace MscAlf.Tests.Concepts;

public sealed class TrialPhaseTests
{
    [Theory]
    [InlineData("Early Phase 1", "Interventional", Phase.EarlyPhase1)]
    [InlineData("EARLY_PHASE1", "INTERVENTIONAL", Phase.EarlyPhase1)]
    [InlineData("Phase 1", "Interventional", Phase.Phase1)]
    [InlineData("Phase 1|Phase 2", "Interventional", Phase.Phase1To2)]
    [InlineData("PHASE1|PHASE2", "INTERVENTIONAL", Phase.Phase1To2)]
    [InlineData("Phase 2", "Interventional", Phase.Phase2)]
    [InlineData("PHASE2|PHASE3", "INTERVENTIONAL", Phase.Phase2To3)]
    [InlineData("Phase 3", "Interventional", Phase.Phase3)]
    [InlineData("PHASE4", "INTERVENTIONAL", Phase.Phase4)]
    [InlineData("NA", "INTERVENTIONAL", Phase.NotApplicable)]
    [InlineData("Not Applicable", "Interventional", Phase.NotApplicable)]
    [InlineData("", "Observational", Phase.NoneObservational)]
    [InlineData("", "OBSERVATIONAL", Phase.NoneObservational)]
    [InlineData("", "Interventional", Phase.Unknown)]
    [InlineData("", null, Phase.Unknown)]
    [InlineData("Phase 1|Phase 3", "Interventional", Phase.Unknown)]
    [InlineData("Phase 5", "Interventional", Phase.Unknown)]
    [InlineData("Phase 2|Phase 1", "Interventional", Phase.Phase1To2)] // any order
    [InlineData("Phase 3|Phase 2", "Interventional", Phase.Phase2To3)]
    [InlineData("Phase 1|Phase 1", "Interventional", Phase.Phase1)]
    [InlineData("PHASE1|Phase 2", "Interventional", Phase.Phase1To2)]
    [InlineData("Phase 1|Phase 2|Phase 3", "Interventional", Phase.Unknown)]
    [InlineData("Phase 1|Phase 5", "Interventional", Phase.Unknown)]
    public void Classify_WhenRegistryPhases_ReturnsGroup(string phases, string? studyType, Phase expected) =>
        Assert.Equal(expected, TrialPhase.Classify([phases], studyType).Value);

    [Fact]
    public void Classify_WhenPhasesGiven_KeepsThemAsEvidence() =>
        Assert.Equal("PHASE1|PHASE2", TrialPhase.Classify(["PHASE1", "PHASE2"], "INTERVENTIONAL").Evidence);

    [Fact]
    public void Values_WhenListed_CoverEveryMemberInDisplayOrder() =>
        Assert.Equal(Enum.GetValues<Phase>(), TrialPhase.Values.Order);
}
