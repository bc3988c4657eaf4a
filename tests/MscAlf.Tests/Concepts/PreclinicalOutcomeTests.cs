using MscAlf.Concepts;

namespace MscAlf.Tests.Concepts;

public sealed class PreclinicalOutcomeTests
{
    [Theory]
    [InlineData("Reduced hepatocyte apoptosis", new[] { Outcome.AntiApoptotic })]
    [InlineData("Attenuation of liver inflammation by exosomal miR-20a-5p/intracellular CXCL8 axis", new[] { Outcome.AntiInflammatory })]
    [InlineData("GPX1 enriched exosomes diminished oxidative stress and also apoptosis", new[] { Outcome.AntiApoptotic, Outcome.Antioxidant })]
    [InlineData("CRP enriched exosome provoked angiogenesis by up-regulation of Wnt signaling axis", new[] { Outcome.Angiogenic })]
    [InlineData("Enhancing antifibrotic competencies of MSCs by eugenol through down-regulation of TGF-β/Smad axis", new[] { Outcome.Antifibrotic })]
    [InlineData("Improved liver function along with prolonged survival", new[] { Outcome.Survival, Outcome.LiverFunction })]
    [InlineData("Improved migration and reduced damaged tissue by stimulating hepatoprotective impacts", new[] { Outcome.Regenerative, Outcome.LiverFunction, Outcome.Homing })]
    [InlineData("Enhancing the therapeutic merits of MSCs", new Outcome[0])]
    public void Classify_WhenResultText_ReturnsEveryNamedCategory(string result, Outcome[] expected) =>
        Assert.Equal(expected, PreclinicalOutcome.Classify(result).Select(o => o.Value));

    [Fact]
    public void Classify_WhenMatched_KeepsTheMatchedWordsAsEvidence() =>
        Assert.Equal("apopto", Assert.Single(PreclinicalOutcome.Classify("Reduced hepatocyte apoptosis")).Evidence);
}
