using MscAlf.Concepts;
using MscAlf.Figures;
using Newtonsoft.Json.Linq;

namespace MscAlf.Tests.Figures;

public sealed class Figure2Tests
{
    private static readonly Figure2 Landscape =
        new(TestData.Dataset.November2021Trials, StatusSnapshot.Registry2022October, FigureSet.PopulationName);

    private static Figure Named(string name) => Landscape.All().Single(f => f.Name == name);

    /// <summary>Adds up, per bar label, the x values of every bar trace (stacked traces together).</summary>
    private static Dictionary<string, int> BarTotals(IEnumerable<JObject> traces)
    {
        var totals = new Dictionary<string, int>();
        foreach (var trace in traces.Where(t => (string?)t["type"] == "bar"))
        {
            var labels = trace["y"]!.Values<string>().ToList();
            var counts = trace["x"]!.Values<int>().ToList();
            for (var i = 0; i < labels.Count; i++)
            {
                totals[labels[i]!] = totals.GetValueOrDefault(labels[i]!) + counts[i];
            }
        }
        return totals.Where(kv => kv.Value > 0).ToDictionary();
    }

    private static Dictionary<string, int> Expected(Tally tally) => tally.Rows.ToDictionary(r => r.Category.Label, r => r.Count);

    public static TheoryData<string, string> Panels() => new()
    {
        { "figure2-a-phase", "phase" },
        { "figure2-b-status", "status" },
        { "figure2-c-source", "source" },
        { "figure2-d-location", "country" },
        { "figure2-e-participants", "band" },
        { "figure2-f-condition", "condition" },
    };

    private static Tally TallyFor(string concept) => concept switch
    {
        "phase" => Landscape.PhaseTally(),
        "status" => Landscape.StatusTally(),
        "source" => Landscape.SourceTally(),
        "country" => Landscape.CountryTally(),
        "band" => Landscape.BandTally(),
        _ => Landscape.ConditionTally(),
    };

    [Theory]
    [MemberData(nameof(Panels))]
    public void Panel_WhenBuilt_BarsHoldExactlyTheTallyCounts(string name, string concept) =>
        Assert.Equal(Expected(TallyFor(concept)).OrderBy(kv => kv.Key), BarTotals(Named(name).Traces()).OrderBy(kv => kv.Key));

    [Theory]
    [InlineData('A', "figure2-a-phase")]
    [InlineData('f', "figure2-f-condition")]
    public void Panel_WhenLetterGiven_IsThatPanelAsInAll(char letter, string name) =>
        Assert.Equal(Named(name).ToJson(), Landscape.Panel(letter).ToJson());

    [Fact]
    public void Panel_WhenLetterIsNotAPanel_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Landscape.Panel('G'));

    [Fact]
    public void PhasePanel_WhenBuilt_MatchesKnownCountsOf69Trials()
    {
        var tally = Landscape.PhaseTally();
        Assert.Equal(69, tally.Denominator);
        Assert.Equal([12, 28, 14, 2, 3, 1, 7, 2], tally.Rows.Select(r => r.Count));
    }

    [Fact]
    public void StatusPanel_WhenSnapshotIs2021November_ShowsDerivedStatusesAndSaysSo()
    {
        var derived = new Figure2(TestData.Dataset.November2021Trials, StatusSnapshot.Derived2021November, FigureSet.PopulationName);
        var tally = derived.StatusTally();
        Assert.Equal(6, tally["not_available"]);
        Assert.Equal(39, tally["unknown_status"]);
        var title = (string)JObject.Parse(derived.All().Single(f => f.Name == "figure2-b-status").ToJson())["layout"]!["title"]!["text"]!;
        Assert.Contains("derived for November 2021", title, StringComparison.Ordinal);
        Assert.Contains("n = 69", title, StringComparison.Ordinal);
    }

    [Fact]
    public void LocationPanel_WhenBuilt_MapHoldsOneValuePerCountryWithIsoCodes()
    {
        var map = Named("figure2-d-location").Traces().Single(t => (string?)t["type"] == "choropleth");
        var byCode = map["locations"]!.Values<string>().Zip(map["z"]!.Values<int>()).ToDictionary(p => p.First!, p => p.Second);
        Assert.Equal(33, byCode["CHN"]);
        Assert.Equal(5, byCode["JPN"]);
        Assert.Equal(17, byCode.Count);
        Assert.Equal(7, Landscape.CountryTally()["none"]);
    }

    [Fact]
    public void Composite_WhenBuilt_HasSixPanelsWithLetters()
    {
        var json = JObject.Parse(Named("figure2").ToJson());
        var titles = json["layout"]!["annotations"]!.Select(a => (string)a["text"]!).ToList();
        Assert.Equal(["A", "B", "C", "D", "E", "F"], titles.Select(t => t.Replace("<b>", "", StringComparison.Ordinal)[..1]));
        Assert.Equal(6, json["data"]!.Select(t => (string?)t["xaxis"] ?? (string?)t["geo"]).Distinct().Count());
    }

    [Fact]
    public void Composite_WhenLaidOut_FitsTwoPanelsAcrossAndLeavesRoomForAxisTitlesAboveTheNextRowsTitles()
    {
        var layout = JObject.Parse(Named("figure2").ToJson())["layout"]!;
        Assert.True((int)layout["width"]! <= 1000, "the composite is designed for a notebook column or a page, not a wide screen");
        var plotHeight = (int)layout["height"]! - (int)layout["margin"]!["t"]! - (int)layout["margin"]!["b"]!;
        var titles = layout["annotations"]!.Select(a => (double)a["y"]!).ToList();
        // Panels A to F fill rows of two; the bottom of each panel's plot area (its y axis domain) must sit at least 70
        // pixels above the title of the panel below it, room for the tick labels and the axis title.
        for (var slot = 1; slot <= 4; slot++)
        {
            var bottom = slot == 4
                ? (double)layout["geo4"]!["domain"]!["y"]![0]!
                : (double)layout[slot == 1 ? "yaxis" : $"yaxis{slot}"]!["domain"]![0]!;
            var gap = (bottom - titles[slot + 1]) * plotHeight;
            Assert.True(gap >= 70, $"panel {(char)('A' + slot - 1)} ends {gap:0} px above the title of the panel below");
        }
    }

    [Fact]
    public void Maps_WhenDrawn_EveryOneHasAColourScale()
    {
        var maps = Landscape.All().SelectMany(f => f.Traces()).Where(t => (string?)t["type"] == "choropleth").ToList();
        Assert.Equal(2, maps.Count); // panel D's own figure and the composite
        Assert.All(maps, m =>
        {
            Assert.True((bool)m["showscale"]!);
            Assert.Equal("Trials", (string?)m["colorbar"]!["title"]!["text"]);
        });
    }

    [Fact]
    public void ConditionPanel_WhenCirrhosisIsSplit_NamesEverySegmentWithItsCount()
    {
        var subtypes = Named("figure2-f-condition").Traces().Where(t => ((string?)t["name"])!.StartsWith("Cirrhosis: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(subtypes);
        Assert.All(subtypes, t => Assert.EndsWith($"({t["x"]!.Values<int>().Sum()})", (string?)t["name"], StringComparison.Ordinal));
        Assert.Equal(43, subtypes.Sum(t => t["x"]!.Values<int>().Sum()));
        Assert.All(subtypes, t => Assert.Equal("none", (string?)t["constraintext"])); // the smallest segment's count keeps its size
    }

    [Fact]
    public void LocationTitle_WhenNoTrialListsTwoCountries_SaysSoFromTheData()
    {
        var title = (string)JObject.Parse(Named("figure2-d-location").ToJson())["layout"]!["title"]!["text"]!;
        Assert.Contains("no trial lists more than one", title, StringComparison.Ordinal);
        Assert.Contains("7 list no location", title, StringComparison.Ordinal);
    }

    [Fact]
    public void Colours_WhenCategoryAppearsInTwoFigures_AreTheSame()
    {
        var panel = Named("figure2-c-source").Traces().Single();
        var colours = panel["y"]!.Values<string>().Zip(panel["marker"]!["color"]!.Values<string>()).ToDictionary(p => p.First!, p => p.Second);
        Assert.Equal(MscSource.Values[MscAlf.Codes.MscSourceCode.BoneMarrow].Color, colours["Bone marrow"]);
        var composite = JObject.Parse(Named("figure2").ToJson())["data"]!.Cast<JObject>()
            .Single(t => (string?)t["xaxis"] == "x3");
        Assert.Equal(panel["marker"]!["color"]!.ToString(), composite["marker"]!["color"]!.ToString());
    }

    [Fact]
    public void Hover_WhenBarPanel_ShowsCountAndPercentOfDenominator()
    {
        var trace = Named("figure2-a-phase").Traces().Single();
        Assert.Contains("%{x} trials (%{customdata:.1f}% of 69)", (string)trace["hovertemplate"]!, StringComparison.Ordinal);
        Assert.Equal(Math.Round(100.0 * 28 / 69, 1), trace["customdata"]![1]!.Value<double>());
    }
}
