using MscAlf.Figures;

namespace MscAlf.Tests.Figures;

public sealed class EvidenceFiguresTests
{
    private static readonly IReadOnlyList<Figure> Figures = EvidenceFigures.All(TestData.Dataset);

    [Fact]
    public void OutcomeHeatmap_WhenBuilt_HoldsTheOutcomeMatrix()
    {
        var studies = TestData.Dataset.Preclinical;
        var heatmap = Figures.Single(f => f.Name == "preclinical-outcomes-by-intervention").Traces().Single();
        var z = heatmap["z"]!.Select(row => row.Values<int>().ToArray()).ToArray();
        var columns = heatmap["x"]!.Values<string>().ToList();
        var rows = heatmap["y"]!.Values<string>().ToList();
        var apoptotic = columns.IndexOf("Anti-apoptotic");
        Assert.Equal(3, z[rows.IndexOf("MSC-conditioned medium")][apoptotic]);
        Assert.DoesNotContain(rows, r => r!.Contains('_', StringComparison.Ordinal)); // rows are labelled in words, not codes
        Assert.Equal(studies.Count(s => EvidenceFigures.OutcomeLabels(s).Contains("Anti-apoptotic")), z.Sum(r => r[apoptotic]));
        Assert.Contains(EvidenceFigures.NoOutcome, columns);
    }

    [Fact]
    public void OutcomeHeatmap_WhenEveryStudyCounted_LosesNoStudy()
    {
        var heatmap = Figures.Single(f => f.Name == "preclinical-outcomes-by-source").Traces().Single();
        var rows = heatmap["y"]!.Values<string>().ToList();
        Assert.Equal(TestData.Dataset.Preclinical.Select(p => MscAlf.Concepts.MscSource.Values.Label(p.MscSource)).Distinct().Order(),
            rows.Order());
    }

    [Fact]
    public void HumanStudies_WhenBuilt_CountEveryStudyOnce()
    {
        var traces = Figures.Single(f => f.Name == "human-studies").Traces();
        Assert.Equal(15, traces.Sum(t => t["x"]!.Values<int>().Sum()));
        var bm = traces.Single(t => (string?)t["name"] == "Bone marrow");
        Assert.Equal(TestData.Dataset.HumanStudies.Count(h => h.MscSource == MscAlf.Codes.MscSourceCode.BoneMarrow), bm["x"]!.Values<int>().Sum());
    }
}
