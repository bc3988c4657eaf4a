using MscAlf.Notebooks;

namespace MscAlf.Tests.Notebooks;

/// <summary>A chart output of a notebook cell, drawn from hostile data, keeps the data inside its script as text.</summary>
[Collection(nameof(ConsoleUsers))]
public sealed class ChartOutputHostileTests : IDisposable
{
    private readonly ScratchNotebooks _scratch = new();
    private readonly DataCopy _data = new();

    public void Dispose()
    {
        _scratch.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task RunAsync_WhenAChartShowsAHostileCountry_ItsScriptIsNotClosedEarly()
    {
        _data.Replace("trials.csv", ",Japan,", ",</script><img src=x onerror=alert(1)><!--<script>,");
        var run = await ScratchNotebooks.RunAsync(_scratch.Write(
            "using MscAlf.Figures; using MscAlf.Concepts;\n" +
            $"var data = MscAlf.Data.Dataset.Load({System.Text.Json.JsonSerializer.Serialize(_data.Directory)});\n" +
            "new Figure2(data.November2021Trials, StatusSnapshot.Registry2022October, \"x\").Panel('D')"));
        Assert.True(run.Succeeded, run.Failure?.ToString());
        var output = run.Notebook.Cells[0].Outputs.Single(o => o["data"]?["text/html"] is not null);
        var html = Notebook.Text(output["data"]!["text/html"]);
        var call = html[html.LastIndexOf("<script type=\"text/javascript\">\n", StringComparison.Ordinal)..];
        Assert.Contains("onerror=alert(1)", call, StringComparison.Ordinal);
        Assert.Equal(call.Length - "</script>\n".Length, call.IndexOf("</script>", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("<!--", call, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", call, StringComparison.Ordinal);
    }
}
