using System.Text.Json.Nodes;

namespace MscAlf.Tests.Cli;

public sealed class KernelCommandTests : IDisposable
{
    private readonly string _prefix = Directory.CreateTempSubdirectory("mscalf-kernelspec-").FullName;

    public void Dispose() => Directory.Delete(_prefix, recursive: true);

    private string KernelJson => Path.Combine(_prefix, "share", "jupyter", "kernels", ".net-csharp", "kernel.json");

    [Fact]
    public async Task Install_WhenFromBuild_WritesTheKernelspecTheNotebooksName()
    {
        var (code, output, _) = await Cli.RunAsync("kernel", "install", "--from-build", "--prefix", _prefix);
        Assert.Equal(0, code);
        Assert.Contains("Installed the C# kernel '.NET (C#)' (kernelspec .net-csharp)", output, StringComparison.Ordinal);
        var spec = JsonNode.Parse(File.ReadAllText(KernelJson))!;
        var argv = spec["argv"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.True(Path.IsPathFullyQualified(argv[0]) && File.Exists(argv[0]), $"the kernel starts through an absolute path: {argv[0]}");
        Assert.Equal(["kernel", "run", "--connection-file", "{connection_file}"], argv[^4..]);
        Assert.Equal((".NET (C#)", "C#", "message"), ((string?)spec["display_name"], (string?)spec["language"], (string?)spec["interrupt_mode"]));
        Assert.Equal("0", (string?)spec["env"]!["DOTNET_TC_CallCountingDelayMs"]);
        Assert.True(Directory.Exists((string?)spec["env"]!["DOTNET_ROOT"]), "DOTNET_ROOT names the running .NET");
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(TestData.RepositoryDataDirectory)!, "notebooks", "00-overview.ipynb")))!;
        Assert.Equal((string?)notebook["metadata"]!["kernelspec"]!["name"], Path.GetFileName(Path.GetDirectoryName(KernelJson)));
    }

    [Fact]
    public async Task Install_WhenRun_ServesPlotlyJsToJupyterNotebookAndUninstallRemovesIt()
    {
        var assets = Path.Combine(_prefix, "share", "jupyter", "nbextensions", "mscalf");
        var (code, output, _) = await Cli.RunAsync("kernel", "install", "--from-build", "--prefix", _prefix);
        Assert.Equal(0, code);
        Assert.Contains(assets, output, StringComparison.Ordinal);
        Assert.Equal(MscAlf.Export.PlotlyAssets.PlotlyJs, File.ReadAllText(Path.Combine(assets, MscAlf.Export.PlotlyAssets.PlotlyJsFileName)));
        Assert.StartsWith("window.PlotlyGeoAssets = {topojson: {world_110m: {", File.ReadAllText(Path.Combine(assets, MscAlf.Export.PlotlyAssets.GeoAssetsFileName)),
            StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(assets, MscAlf.Kernel.KernelSpec.ChartAssetsMarker)));
        Assert.Equal(0, (await Cli.RunAsync("kernel", "uninstall", "--prefix", _prefix)).Code);
        Assert.False(Directory.Exists(assets));
        Directory.CreateDirectory(assets); // someone else's folder of that name, without the marker, is left alone
        File.WriteAllText(Path.Combine(assets, "theirs.js"), "");
        await Cli.RunAsync("kernel", "uninstall", "--prefix", _prefix);
        Assert.True(File.Exists(Path.Combine(assets, "theirs.js")));
    }

    [Fact]
    public async Task Install_WhenAnotherKernelspecHasTheName_RefusesUnlessForced()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KernelJson)!);
        const string Retired = """{"argv": ["dotnet", "interactive", "jupyter", "{connection_file}"], "display_name": ".NET (C#)", "language": "C#"}""";
        File.WriteAllText(KernelJson, Retired);
        var (code, _, error) = await Cli.RunAsync("kernel", "install", "--from-build", "--prefix", _prefix);
        Assert.Equal(1, code);
        Assert.Contains("was not written by this project (it starts: dotnet interactive jupyter {connection_file})", error, StringComparison.Ordinal);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal(Retired, File.ReadAllText(KernelJson));
        var (forced, output, _) = await Cli.RunAsync("kernel", "install", "--from-build", "--force", "--prefix", _prefix);
        Assert.Equal(0, forced);
        Assert.Contains("it replaced a kernelspec that started: dotnet interactive jupyter", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uninstall_WhenOursOrAnother_RemovesOnlyOurs()
    {
        await Cli.RunAsync("kernel", "install", "--from-build", "--prefix", _prefix);
        Assert.Equal(0, (await Cli.RunAsync("kernel", "uninstall", "--prefix", _prefix)).Code);
        Assert.False(Directory.Exists(Path.GetDirectoryName(KernelJson)));
        Directory.CreateDirectory(Path.GetDirectoryName(KernelJson)!);
        File.WriteAllText(KernelJson, """{"argv": ["other"], "display_name": "x", "language": "C#"}""");
        var (code, _, error) = await Cli.RunAsync("kernel", "uninstall", "--prefix", _prefix);
        Assert.Equal(1, code);
        Assert.Contains("was not written by this project", error, StringComparison.Ordinal);
        Assert.True(File.Exists(KernelJson));
    }

    [Theory]
    [InlineData("""{"transport": "ipc", "shell_port": 1, "control_port": 2, "iopub_port": 3, "stdin_port": 4, "hb_port": 5}""", "transport 'ipc' is not supported")]
    [InlineData("""{"transport": "tcp", "shell_port": 0, "control_port": 2, "iopub_port": 3, "stdin_port": 4, "hb_port": 5}""", "must be between 1 and 65535")]
    [InlineData("not json", "not a Jupyter connection file")]
    public async Task Run_WhenTheConnectionFileIsBad_SaysWhyInOneLine(string json, string expected)
    {
        var file = Path.Combine(_prefix, "connection.json");
        File.WriteAllText(file, json);
        var (code, _, error) = await Cli.RunAsync("kernel", "run", "--connection-file", file);
        Assert.Equal(1, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}
