using MscAlf.Figures;

namespace MscAlf.Tests.Figures;

public sealed class ExplorationFiguresTests
{
    private static readonly IReadOnlyList<Figure> Figures =
        ExplorationFigures.All(TestData.Dataset.November2021Trials, FigureSet.PopulationName);

    [Fact]
    public void StartYear_WhenStacked_CountsEveryTrialOnce()
    {
        var traces = Figures.Single(f => f.Name == "trials-by-start-year").Traces();
        Assert.Equal(69, traces.Sum(t => t["y"]!.Values<int>().Sum()));
        var years = traces[0]["x"]!.Values<string>().ToList();
        Assert.Equal("2005", years[0]);
    }

    [Fact]
    public void EnrollmentByPhase_WhenBuilt_PlotsEveryKnownCount()
    {
        var traces = Figures.Single(f => f.Name == "enrollment-by-phase").Traces();
        Assert.Equal(TestData.Dataset.November2021Trials.Count(t => t.Enrollment is not null), traces.Sum(t => t["y"]!.Count()));
    }

    [Fact]
    public void SourceByPhase_WhenBuilt_CellsAddUpToThePopulation()
    {
        var heatmap = Figures.Single(f => f.Name == "source-by-phase").Traces().Single();
        Assert.Equal(69, heatmap["z"]!.Sum(row => row.Values<int>().Sum()));
    }
}
