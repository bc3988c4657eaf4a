using MscAlf.Concepts;

namespace MscAlf.Tests.Concepts;

public sealed class TallyTests
{
    private static readonly Phase[] Items = [Phase.Phase1, Phase.Phase2, Phase.Phase1, Phase.Unknown];

    [Fact]
    public void Of_WhenCounting_KeepsDisplayOrderAndStatesDenominator()
    {
        var tally = Tally.Of(TrialPhase.Values, Items, p => p, "Phase", "4 test items");
        Assert.Equal(["phase1", "phase2", "unknown"], tally.Rows.Select(r => r.Category.Code));
        Assert.Equal([2, 1, 1], tally.Rows.Select(r => r.Count));
        Assert.Equal([50.0, 25.0, 25.0], tally.Rows.Select(r => r.Percent));
        Assert.Equal(4, tally.Denominator);
        Assert.Equal("4 test items", tally.DenominatorNote);
    }

    [Fact]
    public void Of_WhenIncludeEmpty_ListsEveryCategory() =>
        Assert.Equal(TrialPhase.Values.Order.Count, Tally.Of(TrialPhase.Values, Items, p => p, "Phase", "", includeEmpty: true).Rows.Count);

    [Fact]
    public void OfMany_WhenItemsHaveSeveralCategories_CountsEachOnceAndPercentsExceed100()
    {
        Category a = new("a", "A", "#000"), b = new("b", "B", "#000");
        var tally = Tally.OfMany([], new[] { new[] { a, b }, [a, a], [b] }, x => x, "Letters", "3 items");
        Assert.Equal([("a", 2), ("b", 2)], tally.Rows.Select(r => (r.Category.Code, r.Count)));
        Assert.True(tally.Rows.Sum(r => r.Percent) > 100);
        Assert.True(tally.MultiValued);
    }

    [Fact]
    public void ToDataFrame_WhenBuilt_HasCountsAndDenominator()
    {
        var frame = Tally.Of(TrialPhase.Values, Items, p => p, "Phase", "").ToDataFrame();
        Assert.Equal(["code", "label", "n", "percent", "denominator"], frame.Columns.Select(c => c.Name));
        Assert.Equal(2, frame.Columns["n"][0]);
        Assert.Equal(4, frame.Columns["denominator"][2]);
    }
}
