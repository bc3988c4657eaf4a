using System.Text.Json.Nodes;
using MscAlf.Notebooks;

namespace MscAlf.Tests.Notebooks;

[Collection(nameof(ConsoleUsers))]
public sealed class NotebookRunnerTests : IDisposable
{
    private readonly ScratchNotebooks _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private static List<JsonObject> Outputs(NotebookRun run, int cell) => run.Notebook.Cells[cell - 1].Outputs;

    private static string Plain(JsonObject output) => Notebook.Text(output["data"]!["text/plain"]);

    [Fact]
    public async Task RunAsync_WhenCellsShareVariables_LaterCellsSeeThem()
    {
        var run = await ScratchNotebooks.RunAsync(_scratch.Write("var x = 20;", "x + 22"));
        Assert.True(run.Succeeded);
        var result = Assert.Single(Outputs(run, 2));
        Assert.Equal("execute_result", (string?)result["output_type"]);
        Assert.Equal("42", Plain(result));
        Assert.Equal([1, 2], run.Notebook.Cells.Select(c => c.ExecutionCount));
    }

    [Fact]
    public async Task RunAsync_WhenConsoleAndDisplay_KeepsTheirOrder()
    {
        var run = await ScratchNotebooks.RunAsync(_scratch.Write("Console.Write(\"a\"); Console.WriteLine(\"b\"); display(7); Console.Error.WriteLine(\"warn\"); Console.WriteLine(\"c\");"));
        var outputs = Outputs(run, 1);
        Assert.Equal(["stream", "display_data", "stream", "stream"], outputs.Select(o => (string?)o["output_type"]));
        Assert.Equal("ab\n", Notebook.Text(outputs[0]["text"]));
        Assert.Equal("7", Plain(outputs[1]));
        Assert.Equal(("stderr", "warn\n"), ((string?)outputs[2]["name"], Notebook.Text(outputs[2]["text"])));
        Assert.Equal("c\n", Notebook.Text(outputs[3]["text"]));
    }

    [Fact]
    public async Task RunAsync_WhenCellReadsARelativePath_StartsAtTheNotebooksFolder()
    {
        File.WriteAllText(Path.Combine(_scratch.Directory, "hello.txt"), "hi");
        var before = Environment.CurrentDirectory;
        var run = await ScratchNotebooks.RunAsync(_scratch.Write("File.ReadAllText(\"hello.txt\")"));
        Assert.Equal("hi", Plain(Assert.Single(Outputs(run, 1))));
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task RunAsync_WhenTopLevelAwait_Works()
    {
        var run = await ScratchNotebooks.RunAsync(_scratch.Write("await Task.Delay(5);\n\"done\""));
        Assert.Equal("done", Plain(Assert.Single(Outputs(run, 1))));
    }

    [Fact]
    public async Task RunAsync_WhenMagics_RunsCSharpAndSkipsMarkdownCells()
    {
        var run = await ScratchNotebooks.RunAsync(_scratch.Write("#!csharp\n1 + 1", "#!markdown\n**not code**", "3"));
        Assert.True(run.Succeeded);
        Assert.Equal("2", Plain(Assert.Single(Outputs(run, 1))));
        Assert.Empty(Outputs(run, 2));
        Assert.Null(run.Notebook.Cells[1].ExecutionCount);
        Assert.Equal(2, run.Notebook.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task RunAsync_WhenAnotherKernelIsAsked_FailsSayingSo()
    {
        var run = await ScratchNotebooks.RunAsync(_scratch.Write("#!fsharp\nlet x = 1"));
        Assert.Equal(1, run.Failure!.Cell);
        Assert.Contains("#!fsharp", run.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WhenNuGetPackageIsShipped_ResolvesIt()
    {
        var run = await ScratchNotebooks.RunAsync(_scratch.Write(
            "#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"\n#r \"nuget: Plotly.NET\"\nnew Microsoft.Data.Analysis.DataFrame().Rows.Count"));
        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal("0", Plain(Assert.Single(Outputs(run, 1))));
    }

    [Theory]
    [InlineData("#r \"nuget: NoSuch.Package, 1.0.0\"", "package NoSuch.Package is not available")]
    [InlineData("#r \"nuget: Plotly.NET, 5.0.0\"", "the runner ships Plotly.NET 6.0.0")]
    public async Task RunAsync_WhenNuGetPackageIsMissing_NamesIt(string directive, string expected)
    {
        var run = await ScratchNotebooks.RunAsync(_scratch.Write(directive));
        Assert.Contains(expected, run.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal("error", (string?)Assert.Single(Outputs(run, 1))["output_type"]);
    }

    [Fact]
    public async Task RunAsync_WhenDllOfTheLibraryIsReferenced_UsesTheRunnersCopy()
    {
        var run = await ScratchNotebooks.RunAsync(_scratch.Write("#r \"../does/not/exist/MscAlf.dll\"\nMscAlf.Data.Population.Cutoff.ToString()"));
        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal("2021-12-01", Plain(Assert.Single(Outputs(run, 1))));
    }

    [Fact]
    public async Task RunAsync_WhenCellDoesNotCompile_StopsWithCellAndLine()
    {
        var run = await ScratchNotebooks.RunAsync(_scratch.Write("var a = 1;", "var b = 2;\nint c = \"text\";", "a"));
        Assert.Equal((2, (int?)2), (run.Failure!.Cell, run.Failure.Line));
        var error = Assert.Single(Outputs(run, 2));
        Assert.Equal(("error", "CompilationError"), ((string?)error["output_type"], (string?)error["ename"]));
        Assert.Empty(Outputs(run, 3));
        Assert.Null(run.Notebook.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task RunAsync_WhenCellThrows_StopsWithExceptionCellAndLine()
    {
        var run = await ScratchNotebooks.RunAsync(_scratch.Write("Console.WriteLine(\"before\");\nthrow new InvalidOperationException(\"boom\");", "1"));
        Assert.Equal((1, (int?)2), (run.Failure!.Cell, run.Failure.Line));
        Assert.Contains("InvalidOperationException: boom", run.Failure.Message, StringComparison.Ordinal);
        var outputs = Outputs(run, 1);
        Assert.Equal(["stream", "error"], outputs.Select(o => (string?)o["output_type"]));
        Assert.Equal("boom", (string?)outputs[1]["evalue"]);
    }

    [Fact]
    public async Task RunAsync_WhenCellHangs_TimesOut()
    {
        var run = await ScratchNotebooks.RunAsync(_scratch.Write("await Task.Delay(TimeSpan.FromMinutes(5));"), timeoutSeconds: 1);
        Assert.Contains("TimeoutError", run.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WhenDataFrameShown_WritesEscapedHtmlTableAndText()
    {
        var run = await ScratchNotebooks.RunAsync(_scratch.Write(
            "new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.StringDataFrameColumn(\"name\", new[] { \"<b>x</b>\", null }))"));
        var data = Assert.Single(Outputs(run, 1))["data"]!;
        var html = Notebook.Text(data["text/html"]);
        Assert.Contains("<td>&lt;b&gt;x&lt;/b&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td><i>null</i></td>", html, StringComparison.Ordinal);
        Assert.StartsWith("name", Notebook.Text(data["text/plain"]), StringComparison.Ordinal);
    }

    private const string TwoCharts =
        "using MscAlf.Figures; using MscAlf.Concepts;\nvar f = new Figure2(MscAlf.Data.Dataset.Load().November2021Trials, StatusSnapshot.Registry2022October, \"x\");\nf.Panel('A')";

    private static ChartImages NoBrowser(Action? started = null) => new(() =>
    {
        started?.Invoke();
        throw new MscAlf.Export.BrowserNotFoundException();
    });

    private static ChartImages RealBrowser(Action started) => new(() =>
    {
        started();
        return MscAlf.Export.ChartImageRenderer.Start();
    });

    [Fact]
    public async Task RunAsync_WhenTwoCharts_GivesEachTheChartBundleWithoutPlotlyJs()
    {
        using var images = NoBrowser(); // images are checked by their own tests; this one is about the rest of the bundle
        var run = await ScratchNotebooks.RunAsync(_scratch.Write(TwoCharts, "f.Panel('D')"), images);
        Assert.True(run.Succeeded, run.Failure?.ToString());
        var landscape = new MscAlf.Figures.Figure2(TestData.Dataset.November2021Trials, MscAlf.Concepts.StatusSnapshot.Registry2022October, "x");
        var (first, second) = (Outputs(run, 1).Single(o => o["data"] is not null)["data"]!.AsObject(), Outputs(run, 2).Single(o => o["data"] is not null)["data"]!.AsObject());
        Assert.Equal([ChartBundle.PlotlyMimeType, "text/html", "text/plain"], first.Select(kv => kv.Key).Order(StringComparer.Ordinal));
        var figure = first[ChartBundle.PlotlyMimeType]!.AsObject();
        Assert.Equal(["config", "data", "layout"], figure.Select(kv => kv.Key).Order(StringComparer.Ordinal));
        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(landscape.Panel('A').ToJson())!["data"]!.ToJsonString(), figure["data"]!.ToJsonString());
        Assert.Null(figure["layout"]!["width"]); // the interactive chart takes the column's width
        Assert.True((bool)figure["layout"]!["autosize"]!);
        Assert.Equal(520, (int)figure["layout"]!["height"]!);
        var (html, mapHtml) = (Notebook.Text(first["text/html"]), Notebook.Text(second["text/html"]));
        Assert.DoesNotContain(MscAlf.Export.PlotlyAssets.PlotlyJs[..300], html, StringComparison.Ordinal);
        Assert.True(mapHtml.Length < 20_000, $"a chart's HTML is {mapHtml.Length} characters: plotly.js or the topology was inlined");
        Assert.Contains("nbextensions/", html, StringComparison.Ordinal);
        Assert.Contains("\"plotly-2.28.0.min\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("plotly-geo-assets", html, StringComparison.Ordinal);
        Assert.Contains("\"plotly-geo-assets\"", mapHtml, StringComparison.Ordinal);
        Assert.NotEqual(Id(html), Id(mapHtml));
        Assert.Equal(landscape.Panel('A').Description, Notebook.Text(first["text/plain"]));
        // Without a picture, the placeholder says in words what the chart shows.
        Assert.Contains(System.Net.WebUtility.HtmlEncode(landscape.Panel('A').Description), html, StringComparison.Ordinal);
        Assert.DoesNotContain("data:image/png", html, StringComparison.Ordinal);
    }

    private static string Id(string html) => System.Text.RegularExpressions.Regex.Match(html, "id=\"(mscalf-chart-[^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task RunAsync_WhenChromiumIsMissing_LeavesTheImagesOutAndSaysSoOnce()
    {
        var starts = 0;
        using var images = NoBrowser(() => starts++);
        var run = await ScratchNotebooks.RunAsync(_scratch.Write(TwoCharts, "f.Panel('B')", "display(f.Panel('C'));\nf.Panel('E')"), images);
        Assert.True(run.Succeeded, run.Failure?.ToString());
        var outputs = run.Notebook.Cells.SelectMany(c => c.Outputs).ToList();
        Assert.Equal(4, outputs.Count(o => o["data"]?[ChartBundle.PlotlyMimeType] is not null));
        Assert.DoesNotContain(outputs, o => o["data"]?["image/png"] is not null);
        var notes = outputs.Where(o => (string?)o["name"] == "stderr").Select(o => Notebook.Text(o["text"])).ToList();
        Assert.Contains("Chromium was not found", Assert.Single(notes), StringComparison.Ordinal);
        Assert.Equal("stream", (string?)Outputs(run, 1)[0]["output_type"]); // said in the first chart's cell
        Assert.Equal(1, starts);
        Assert.Contains("Chromium was not found", run.ChartImagesOff, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task RunAsync_WhenNotebooksShareTheImages_StartOneBrowserForAll()
    {
        var starts = 0;
        using var images = RealBrowser(() => starts++);
        var first = await ScratchNotebooks.RunAsync(_scratch.Write(TwoCharts), images);
        var second = await ScratchNotebooks.RunAsync(_scratch.Write(TwoCharts, "f.Panel('B')"), images); // the first run left the browser open
        Assert.True(first.Succeeded && second.Succeeded, first.Failure?.ToString() ?? second.Failure?.ToString());
        Assert.Equal(1, starts);
        Assert.Empty(NotebookRules.ImageProblems(second.Notebook));
        Assert.Equal(2, NotebookRules.ChartOutputs(second.Notebook).Count());
    }

    [ChromiumFact]
    public async Task RunAsync_WhenChartsAreShown_StartsOneBrowserAndDrawsEachAtTheColumnWidth()
    {
        var starts = 0;
        using var images = RealBrowser(() => starts++);
        var run = await ScratchNotebooks.RunAsync(_scratch.Write(TwoCharts, "f.Panel('B')", "new Figure2(MscAlf.Data.Dataset.Load().November2021Trials, StatusSnapshot.Registry2022October, \"x\").Composite()"), images);
        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal(1, starts);
        Assert.Null(run.ChartImagesOff);
        Assert.Equal(3, NotebookRules.ChartOutputs(run.Notebook).Count());
        Assert.Empty(NotebookRules.ImageProblems(run.Notebook));
    }

    [Fact]
    public async Task RunAsync_WhenRunTwice_WritesIdenticalJson()
    {
        var path = _scratch.Write("# Title", "var n = 3;\nConsole.WriteLine(n);", "Enumerable.Range(0, n).Select(i => new { i, square = i * i })");
        var first = (await ScratchNotebooks.RunAsync(path)).Notebook.ToJson();
        var second = (await ScratchNotebooks.RunAsync(path)).Notebook.ToJson();
        Assert.Equal(first, second);
        Assert.Contains("\"kernelspec\"", first, StringComparison.Ordinal);
    }

    [NbformatFact]
    public async Task ToJson_WhenRunWithEveryOutputKind_ValidatesAsNbformat()
    {
        var path = _scratch.Write("# Heading", "Console.WriteLine(1); display(2); 3", "throw new Exception(\"x\");");
        var run = await ScratchNotebooks.RunAsync(path);
        File.WriteAllText(path, run.Notebook.ToJson());
        Assert.Equal("", NbformatFactAttribute.Validate([path]));
    }
}
