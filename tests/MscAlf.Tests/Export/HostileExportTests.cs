using MscAlf.Concepts;
using MscAlf.Data;
using MscAlf.Export;
using MscAlf.Figures;
using MscAlf.Jobs;

namespace MscAlf.Tests.Export;

/// <summary>
/// Hostile text in the data reaches figure pages, the figure gallery and images as text: no script breaks out, no
/// script runs (checked in headless Chromium), image export finishes, and a failure leaves the output consistent.
/// </summary>
[Collection(nameof(BrowserEnvironment))]
public sealed class HostileExportTests : IDisposable
{
    /// <summary>Each payload ends a script, opens an element with a handler, or both; each sets <c>window.__pwned</c> if it runs.</summary>
    public static TheoryData<string> Payloads() =>
    [
        "</script><img src=x onerror=window.__pwned=1>",
        "</SCRIPT ><script>window.__pwned=1</script>",
        "<!--<script>window.__pwned=1//",
        "<b>bold</b><a href=\"javascript:window.__pwned=1\">link</a>",
        "&lt;img src=x onerror=window.__pwned=1&gt;",
    ];

    private const string Payload = "</script><img src=x onerror=window.__pwned=1>";

    private readonly string _out = Path.Combine(Path.GetTempPath(), "mscalf-hostile-" + Guid.NewGuid().ToString("N"));
    private readonly DataCopy _data = new();

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
        _data.Dispose();
    }

    private Dataset HostileDataset(string country)
    {
        _data.Replace("trials.csv", ",Japan,", $",\"{country.Replace("\"", "\"\"", StringComparison.Ordinal)}\",");
        return Dataset.Load(_data.Directory);
    }

    private static Figure Location(Dataset dataset) =>
        FigureSet.Build(dataset, StatusSnapshot.Registry2022October).Single(f => f.Name == "figure2-d-location");

    [Theory]
    [InlineData("</script>", "\\u003C/script>")]
    [InlineData("</SCRIPT >", "\\u003C/SCRIPT >")]
    [InlineData("<script>", "\\u003Cscript>")]
    [InlineData("<ScRiPt src=x>", "\\u003CScRiPt src=x>")]
    [InlineData("<!--", "\\u003C!--")]
    [InlineData("<br></extra>", "<br></extra>")]
    public void ScriptSafe_WhenJsonHoldsAScriptBreaker_EscapesOnlyThat(string text, string expected) =>
        Assert.Equal($"{{\"t\": \"{expected}\"}}", HtmlDocument.ScriptSafe($"{{\"t\": \"{text}\"}}"));

    [Fact]
    public void ScriptSafe_WhenRealFigures_ChangesNoByte()
    {
        foreach (var figure in FigureSet.Build(TestData.Dataset, StatusSnapshot.Registry2022October))
        {
            Assert.Equal(figure.ToJson(), HtmlDocument.ScriptSafe(figure.ToJson()));
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Render_WhenACountryIsHostile_NoScriptIsClosedEarly(string payload)
    {
        var html = HtmlPage.Render(Location(HostileDataset(payload)));
        var script = html[html.LastIndexOf("<script>", StringComparison.Ordinal)..];
        Assert.Equal(1, CountOf(script, "</script>"));
        Assert.DoesNotContain("<!--", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenACountryIsHostile_LabelIsPlotlyTextNotMarkup()
    {
        var trace = Location(HostileDataset("<b>Bold</b> & co")).Traces().Single(t => (string?)t["type"] == "bar");
        Assert.Contains("&lt;b>Bold&lt;/b> &amp; co", trace["y"]!.Select(v => (string?)v));
    }

    [Fact]
    public void PlotCall_WhenATitleNotFromDataBreaksTheScript_StaysInsideIt()
    {
        var json = "{\"data\": [], \"layout\": {\"title\": {\"text\": \"" + Payload + "\"}}}";
        var call = HtmlPage.PlotCall("id\"x", json);
        Assert.DoesNotContain("</script", call, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Plotly.newPlot(\"id\\u0022x\"", call, StringComparison.Ordinal);
    }

    [Fact]
    public void Href_WhenFileNameIsHostile_CannotLeaveTheAttribute()
    {
        var href = HtmlDocument.Href("notebooks/01-x\"><img src=x onerror=alert(1)>.html");
        Assert.Equal("notebooks/01-x%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.html", href);
        Assert.Equal("javascript%3Aalert%281%29", HtmlDocument.Href("javascript:alert(1)"));
    }

    [ChromiumTheory]
    [MemberData(nameof(Payloads))]
    public void Page_WhenACountryIsHostile_ShowsItAsTextAndRunsNoScript(string payload)
    {
        Directory.CreateDirectory(_out);
        var report = BrowserProbe.Run(Path.Combine(_out, "page.html"), HtmlPage.Render(Location(HostileDataset(payload))),
            "{pwned: !!window.__pwned, imgs: document.querySelectorAll('img').length," +
            " ticks: Array.from(document.querySelectorAll('.ytick text, .y2tick text')).map(function (t) { return t.textContent; })}");
        Assert.False(report.GetProperty("pwned").GetBoolean(), "a script from the data ran");
        Assert.Equal(0, report.GetProperty("imgs").GetInt32());
        Assert.Contains(payload, report.GetProperty("ticks").EnumerateArray().Select(t => t.GetString()));
    }

    [ChromiumFact]
    public async Task Figures_WhenACountryIsHostile_ExportsPngAndSvgWithTheTextInThem()
    {
        HostileDataset(Payload);
        var (code, _, error) = await MscAlf.Tests.Cli.Cli.RunAsync("figures", "--data", _data.Directory, "--format", "png,svg", "--out", _out);
        Assert.True(code == 0, error);
        var svg = File.ReadAllText(Path.Combine(_out, "figure2-d-location.svg"));
        Assert.Contains(Payload.Replace("<", "&#60;", StringComparison.Ordinal), svg, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_out, "manifest.json")));
        Assert.True(File.Exists(Path.Combine(_out, "index.html")));
    }

    [ChromiumFact]
    public async Task Figures_WhenTheBrowserFails_LeavesTheFolderAsItWas()
    {
        var (first, _, firstError) = await MscAlf.Tests.Cli.Cli.RunAsync("figures", "--format", "html,svg", "--out", _out);
        Assert.True(first == 0, firstError);
        var before = Snapshot();
        var fake = Path.Combine(_out, "..", $"mscalf-fake-chromium-{Guid.NewGuid():N}.sh");
        File.WriteAllText(fake, "#!/bin/sh\necho broken >&2\nexit 3\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        }
        var saved = Environment.GetEnvironmentVariable(Browser.Variable);
        Environment.SetEnvironmentVariable(Browser.Variable, fake);
        try
        {
            HostileDataset("Elsewhere");
            var (code, _, error) = await MscAlf.Tests.Cli.Cli.RunAsync("figures", "--data", _data.Directory, "--format", "html,svg", "--out", _out);
            Assert.Equal(1, code);
            Assert.Single(error.TrimEnd().Split('\n'));
            Assert.Contains("Chromium did not render the figures", error, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot());
        }
        finally
        {
            Environment.SetEnvironmentVariable(Browser.Variable, saved);
            File.Delete(fake);
        }
    }

    [Fact]
    public async Task Figures_WhenTheBrowserIsNotAProgram_SaysSoInOneLine()
    {
        var saved = Environment.GetEnvironmentVariable(Browser.Variable);
        Environment.SetEnvironmentVariable(Browser.Variable, _data.PathOf("trials.csv"));
        try
        {
            var (code, _, error) = await MscAlf.Tests.Cli.Cli.RunAsync("figures", "--format", "png", "--out", _out);
            Assert.Equal(1, code);
            Assert.Single(error.TrimEnd().Split('\n'));
            Assert.Contains("Could not start the browser", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Unexpected", error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Browser.Variable, saved);
        }
    }

    [Fact]
    public async Task Figures_WhenAWriteFailsHalfway_LeavesNoManifestDescribingOlderData()
    {
        var (first, _, firstError) = await MscAlf.Tests.Cli.Cli.RunAsync("figures", "--format", "html", "--out", _out);
        Assert.True(first == 0, firstError);
        File.Delete(Path.Combine(_out, "figure2-b-status.html"));
        Directory.CreateDirectory(Path.Combine(_out, "figure2-b-status.html")); // the write of this figure will fail
        var (code, _, error) = await MscAlf.Tests.Cli.Cli.RunAsync("figures", "--format", "html", "--out", _out);
        Assert.Equal(1, code);
        Assert.Contains("figure2-b-status.html: is a folder", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_out, FiguresJob.ManifestName)), "a manifest from the older run is left");
        Assert.False(File.Exists(Path.Combine(_out, FiguresJob.IndexName)));
    }

    [Fact]
    public async Task Figures_WhenTrialsHasOnlyItsHeader_DrawsNoFigure()
    {
        File.WriteAllText(_data.PathOf("trials.csv"), File.ReadLines(_data.PathOf("trials.csv")).First() + "\n");
        var (code, output, error) = await MscAlf.Tests.Cli.Cli.RunAsync("figures", "--data", _data.Directory, "--format", "html", "--out", _out);
        Assert.Equal(1, code);
        Assert.Contains("trials.csv:2: at least one record; the file has a header and no rows", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrote", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_out) && Directory.EnumerateFileSystemEntries(_out).Any());
    }

    private Dictionary<string, byte[]> Snapshot() =>
        Directory.GetFiles(_out).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
