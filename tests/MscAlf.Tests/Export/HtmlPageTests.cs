using System.Text.RegularExpressions;
using MscAlf.Concepts;
using MscAlf.Export;
using MscAlf.Figures;

namespace MscAlf.Tests.Export;

public sealed class HtmlPageTests
{
    private static readonly IReadOnlyList<Figure> Figures = FigureSet.Build(TestData.Dataset, StatusSnapshot.Registry2022October);

    [Fact]
    public void Render_WhenAnyFigure_LoadsNothingFromTheNetwork()
    {
        foreach (var figure in Figures)
        {
            var html = HtmlPage.Render(figure).Replace(PlotlyAssets.PlotlyJs, "", StringComparison.Ordinal);
            Assert.DoesNotMatch(new Regex("""(src|href)\s*=\s*["']?(https?:)?//""", RegexOptions.IgnoreCase), html);
            Assert.Contains("Plotly.newPlot", html, StringComparison.Ordinal);
            Assert.Contains(PlotlyAssets.PlotlyJs, HtmlPage.Render(figure), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_WhenFigureHasMap_InlinesTheWorldTopology()
    {
        var map = Figures.Single(f => f.Name == "figure2-d-location");
        Assert.True(map.HasMap);
        Assert.Contains("window.PlotlyGeoAssets = {topojson: {world_110m: {", HtmlPage.Render(map), StringComparison.Ordinal);
        Assert.DoesNotContain("window.PlotlyGeoAssets = {", HtmlPage.Render(Figures.Single(f => f.Name == "figure2-a-phase")), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenAssetsAreShared_LinksOneCopyAndInlinesNothing()
    {
        var map = Figures.Single(f => f.Name == "figure2-d-location");
        var html = HtmlPage.Render(map, PageAssets.Shared("../assets"));
        Assert.DoesNotContain(PlotlyAssets.PlotlyJs[..500], html, StringComparison.Ordinal);
        Assert.DoesNotContain("window.PlotlyGeoAssets = {", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"../assets/plotly-geo-assets.js\"></script>\n<script src=\"../assets/plotly-2.28.0.min.js\"></script>", html, StringComparison.Ordinal);
        Assert.True(html.Length < 20_000, $"{html.Length} characters");
        Assert.DoesNotContain("plotly-geo-assets", HtmlPage.Render(Figures.Single(f => f.Name == "figure2-a-phase"), PageAssets.Shared("../assets/")), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenAnyFigure_CarriesItsTextDescriptionForScreenReaders()
    {
        foreach (var figure in Figures)
        {
            var html = HtmlPage.Render(figure, PageAssets.Shared("assets/"));
            var encoded = System.Net.WebUtility.HtmlEncode(figure.Description);
            Assert.Contains($"role=\"img\" aria-label=\"{encoded}\"", html, StringComparison.Ordinal);
            Assert.Contains($"<summary>Text description</summary><p>{encoded}</p>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_WhenCalledTwice_GivesIdenticalText()
    {
        var again = FigureSet.Build(TestData.Dataset, StatusSnapshot.Registry2022October);
        Assert.Equal(Figures.Select(HtmlPage.Render), again.Select(HtmlPage.Render));
    }

    [Fact]
    public void Names_WhenBuilt_AreTheStableFigureNames() =>
        Assert.Equal(
            ["figure2-a-phase", "figure2-b-status", "figure2-c-source", "figure2-d-location", "figure2-e-participants",
             "figure2-f-condition", "figure2", "preclinical-outcomes-by-intervention", "preclinical-outcomes-by-source",
             "human-studies", "trials-by-start-year", "enrollment-by-phase", "source-by-phase"],
            Figures.Select(f => f.Name));
}
