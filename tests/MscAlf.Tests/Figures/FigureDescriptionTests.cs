using MscAlf.Concepts;
using MscAlf.Figures;

namespace MscAlf.Tests.Figures;

public sealed class FigureDescriptionTests
{
    private static readonly IReadOnlyList<Figure> Figures = FigureSet.Build(TestData.Dataset, StatusSnapshot.Registry2022October);

    [Fact]
    public void Describe_WhenBarPanel_GivesTitleAndEveryCountInOrder()
    {
        var text = Figures.Named("figure2-a-phase").Description;
        Assert.StartsWith("A. Phase — n = 69 trials", text, StringComparison.Ordinal);
        Assert.Contains("Phase 1 12, Phase 1/2 28, Phase 2 14, Phase 2/3 2, Phase 3 3, Phase 4 1, Not applicable 7, None (observational) 2.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_WhenMapHeatmapAndBoxes_ReadsTheirValues()
    {
        Assert.Contains("Map, Trials per country (darker is more): China 33, Japan 5", Figures.Named("figure2-d-location").Description, StringComparison.Ordinal);
        Assert.Contains("Umbilical cord (Phase 1 3, Phase 1/2 15,", Figures.Named("source-by-phase").Description, StringComparison.Ordinal);
        Assert.Contains("Phase 2/3: 2 values, median 70.5, from 66 to 75", Figures.Named("enrollment-by-phase").Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_WhenEveryFigure_NamesEveryNonEmptyCount()
    {
        foreach (var figure in Figures)
        {
            Assert.True(figure.Description.Length > figure.Title.Length, figure.Name);
            Assert.DoesNotContain("trace.", figure.Description, StringComparison.Ordinal); // every trace type used is described by its values
        }
    }

    [Theory]
    [InlineData(new double[] { 5 }, 5)]
    [InlineData(new double[] { 66, 75 }, 70.5)]
    [InlineData(new double[] { 1, 2, 10 }, 2)]
    [InlineData(new double[] { 3, 4, 5, 5, 6, 10, 20, 40, 40, 50, 72, 158, 266, 700 }, 30)]
    public void Median_WhenCountIsOddOrEven_IsTheMiddleOrTheMeanOfTheTwoMiddles(double[] sorted, double expected) =>
        Assert.Equal(expected, FigureDescription.Median(sorted));

    [Fact]
    public void Named_WhenTheNameIsUnknown_ListsTheNamesThereAre()
    {
        Assert.Equal("human-studies", Figures.Named("human-studies").Name);
        var error = Assert.Throws<KeyNotFoundException>(() => Figures.Named("figure3"));
        Assert.Contains("figure2-a-phase, ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedBuilders_WhenCalled_GiveTheFiguresTheSetLists()
    {
        Assert.Equal(Figures.Named("preclinical-outcomes-by-source").ToJson(), EvidenceFigures.OutcomesBySource(TestData.Dataset).ToJson());
        Assert.Equal(Figures.Named("enrollment-by-phase").ToJson(),
            ExplorationFigures.EnrollmentByPhase(TestData.Dataset.November2021Trials, FigureSet.PopulationName).ToJson());
    }
}
