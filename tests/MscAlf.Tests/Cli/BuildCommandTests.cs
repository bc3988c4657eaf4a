using MscAlf.Tests.Notebooks;

namespace MscAlf.Tests.Cli;

/// <summary>The main job and the notebooks verb, end to end through the command line.</summary>
[Collection(nameof(ConsoleUsers))]
public sealed class BuildCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("mscalf-build-").FullName;
    private readonly ScratchNotebooks _scratch = new();

    public void Dispose()
    {
        Directory.Delete(_out, recursive: true);
        _scratch.Dispose();
    }

    [Fact]
    public async Task Build_WhenRun_WritesSiteLinkingEveryNotebookAndFigure()
    {
        var (code, output, error) = await Cli.RunAsync("build", "--out", _out);
        Assert.True(code == 0, error);
        foreach (var step in new[] { "[1/4]", "[2/4]", "[3/4]", "[4/4]" })
        {
            Assert.Contains(step, output, StringComparison.Ordinal);
        }
        var index = File.ReadAllText(Path.Combine(_out, "site", "index.html"));
        var notebooks = Directory.GetFiles(Path.Combine(_out, "site", "notebooks"), "*.html");
        Assert.Equal(7, notebooks.Length);
        Assert.All(notebooks, n => Assert.Contains($"notebooks/{Path.GetFileName(n)}", index, StringComparison.Ordinal));
        Assert.Contains("figures/figure2.html", index, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_out, "site", "figures", "manifest.json")));
        Assert.Equal(7, Directory.GetFiles(Path.Combine(_out, "notebooks"), "*.ipynb").Length);
        var landscape = File.ReadAllText(Path.Combine(_out, "site", "notebooks", "02-figure2-trial-landscape.html"));
        Assert.Contains("Plotly.newPlot", landscape, StringComparison.Ordinal);
        Assert.Contains("href=\"03-preclinical-evidence.html\"", landscape, StringComparison.Ordinal);
        await Site_WhenOpenedOffline_DrawsEveryChartFromOneSharedPlotlyJs(Path.Combine(_out, "site"));
    }

    /// <summary>
    /// The site (one build shared with the test above, as a build takes a while): a single copy of plotly.js, every page
    /// small, and every chart of every notebook page and figure page drawn in Chromium with the network off.
    /// </summary>
    private static async Task Site_WhenOpenedOffline_DrawsEveryChartFromOneSharedPlotlyJs(string site)
    {
        var copies = Directory.GetFiles(site, "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains(MscAlf.Export.PlotlyAssets.PlotlyJs[..2000], StringComparison.Ordinal)).ToList();
        Assert.Equal([Path.Combine(site, "assets", MscAlf.Export.PlotlyAssets.PlotlyJsFileName)], copies);
        var pages = Directory.GetFiles(site, "*.html", SearchOption.AllDirectories);
        Assert.All(pages, p => Assert.True(new FileInfo(p).Length < 500_000, $"{p} is {new FileInfo(p).Length:N0} bytes"));
        Assert.Empty(MscAlf.Tests.Export.SiteProbe.NetworkAddresses(site));
        if (MscAlf.Export.Browser.Find() is null)
        {
            return; // the offline drawing needs Chromium (CI installs it); the file checks above still ran
        }
        var reports = await MscAlf.Tests.Export.SiteProbe.RunAsync(site);
        Assert.Equal(pages.Length, reports.Count);
        Assert.Contains(reports, r => r.Page.EndsWith("02-figure2-trial-landscape.html", StringComparison.Ordinal) && r.Charts >= 8);
        Assert.Equal(13, reports.Count(r => r.Page.StartsWith("figures", StringComparison.Ordinal) && r.Charts == 1));
        Assert.All(reports, r =>
        {
            Assert.True(r.Drawn == r.Charts, $"{r.Page}: {r.Drawn} of {r.Charts} charts drawn");
            Assert.True(r.Charts == 0 || r.Traces > 0, $"{r.Page}: charts without traces");
            Assert.True(r.Network.Count == 0, $"{r.Page} asked the network for {string.Join(", ", r.Network)}");
            Assert.True(r.Errors.Count == 0, $"{r.Page}: {string.Join("; ", r.Errors)}");
        });
    }

    [Fact]
    public async Task NotebooksRun_WhenACellFails_ExitsNonZeroNamingNotebookCellAndLine()
    {
        var path = _scratch.Write("var ok = 1;", "ok +\n  undefinedName");
        var (code, _, error) = await Cli.RunAsync("notebooks", "run", "--out", _out, path);
        Assert.Equal(1, code);
        Assert.Contains($"{path}: cell 2, line 2: CompilationError", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_out, Path.GetFileName(path))), "the executed notebook, with its error output, is written");
    }

    [Fact]
    public async Task NotebooksRun_WhenACellSpinsForever_TheProcessStillEnds()
    {
        var path = _scratch.Write("var n = 0;", "while (true) { n++; }");
        using var process = System.Diagnostics.Process.Start(CliProcess.StartInfo("notebooks", "run", "--timeout", "2", "--out", _out, path))!;
        var error = process.StandardError.ReadToEndAsync();
        var ended = process.WaitForExit(TimeSpan.FromSeconds(90));
        if (!ended)
        {
            process.Kill(entireProcessTree: true);
        }
        Assert.True(ended, "the CLI did not end after the cell timed out");
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("cell 2, line 1: TimeoutError: the cell ran for more than 2 s and was stopped", await error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotebooksRun_WhenOutAndInplace_Refuses()
    {
        var (code, _, error) = await Cli.RunAsync("notebooks", "run", "--inplace", "--out", _out, _scratch.Write("1"));
        Assert.Equal(1, code);
        Assert.Contains("--out or --inplace", error, StringComparison.Ordinal);
    }
}
