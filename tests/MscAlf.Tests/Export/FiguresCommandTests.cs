using System.Security.Cryptography;
using System.Text.Json;
using MscAlf.Export;

namespace MscAlf.Tests.Export;

/// <summary>The figures verb end to end. Not parallel: one test changes $MSCALF_CHROMIUM.</summary>
[Collection(nameof(BrowserEnvironment))]
public sealed class FiguresCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "mscalf-figures-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public async Task Figures_WhenHtmlOnly_WritesEveryFigureIndexAndManifest()
    {
        var (code, _, error) = await MscAlf.Tests.Cli.Cli.RunAsync("figures", "--format", "html", "--out", _out);
        Assert.True(code == 0, error);
        var files = Directory.GetFiles(_out).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(15, files.Count);
        Assert.Contains("figure2.html", files);
        Assert.Contains("index.html", files);
        Assert.DoesNotContain(files, f => f!.EndsWith(".tmp", StringComparison.Ordinal));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "manifest.json")));
        var trials = manifest.RootElement.GetProperty("data").EnumerateArray().Single(d => d.GetProperty("file").GetString() == "data/trials.csv");
        var expected = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(TestData.RepositoryDataDirectory, "trials.csv"))));
        Assert.Equal(expected, trials.GetProperty("sha256").GetString());
        Assert.Equal("6.0.0", manifest.RootElement.GetProperty("packages").GetProperty("Plotly.NET").GetString()![..5]);
        Assert.Equal(13, manifest.RootElement.GetProperty("figures").GetArrayLength());
    }

    [Fact]
    public async Task Figures_WhenHtml_SharesOnePlotlyJsUnlessStandaloneIsAsked()
    {
        var (code, _, error) = await MscAlf.Tests.Cli.Cli.RunAsync("figures", "--format", "html", "--out", _out);
        Assert.True(code == 0, error);
        Assert.Equal([PlotlyAssets.PlotlyJsFileName, PlotlyAssets.GeoAssetsFileName],
            Directory.GetFiles(Path.Combine(_out, "assets")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var shared = Directory.GetFiles(_out, "*.html").Sum(f => new FileInfo(f).Length);
        Assert.Contains("src=\"assets/plotly-2.28.0.min.js\"", File.ReadAllText(Path.Combine(_out, "figure2-a-phase.html")), StringComparison.Ordinal);

        var single = Path.Combine(_out, "single");
        (code, _, error) = await MscAlf.Tests.Cli.Cli.RunAsync("figures", "--format", "html", "--standalone", "--out", single);
        Assert.True(code == 0, error);
        Assert.False(Directory.Exists(Path.Combine(single, "assets")));
        Assert.Contains(PlotlyAssets.PlotlyJs, File.ReadAllText(Path.Combine(single, "figure2-a-phase.html")), StringComparison.Ordinal);
        var standalone = Directory.GetFiles(single, "*.html").Sum(f => new FileInfo(f).Length);
        Assert.True(shared * 10 < standalone, $"shared pages {shared:N0} bytes, standalone {standalone:N0}");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "manifest.json")));
        Assert.All(manifest.RootElement.GetProperty("figures").EnumerateArray(), f => Assert.NotEmpty(f.GetProperty("description").GetString()!));
    }

    [Fact]
    public async Task Figures_WhenRunTwice_WritesIdenticalHtml()
    {
        await MscAlf.Tests.Cli.Cli.RunAsync("figures", "--format", "html", "--out", _out);
        var first = Directory.GetFiles(_out).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        await MscAlf.Tests.Cli.Cli.RunAsync("figures", "--format", "html", "--out", _out);
        Assert.All(first, kv => Assert.Equal(kv.Value, File.ReadAllBytes(Path.Combine(_out, kv.Key))));
    }

    [Fact]
    public async Task Figures_WhenPngAskedAndNoBrowser_ExitsNonZeroSayingWhy()
    {
        var saved = Environment.GetEnvironmentVariable(Browser.Variable);
        Environment.SetEnvironmentVariable(Browser.Variable, "/nonexistent/chromium");
        try
        {
            var (code, _, error) = await MscAlf.Tests.Cli.Cli.RunAsync("figures", "--format", "html,png", "--out", _out);
            Assert.Equal(1, code);
            Assert.Contains("needs Chromium", error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(_out) && Directory.GetFiles(_out).Length > 0, "nothing is written when the job cannot finish");
        }
        finally
        {
            Environment.SetEnvironmentVariable(Browser.Variable, saved);
        }
    }

    [Fact]
    public async Task Figures_WhenFormatIsUnknown_ExitsNonZero()
    {
        var (code, _, error) = await MscAlf.Tests.Cli.Cli.RunAsync("figures", "--format", "html,gif", "--out", _out);
        Assert.Equal(1, code);
        Assert.Contains("gif", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figures_WhenSnapshotIsNotOffered_ExitsNonZero()
    {
        var (code, _, _) = await MscAlf.Tests.Cli.Cli.RunAsync("figures", "--snapshot", "2020-01", "--out", _out);
        Assert.NotEqual(0, code);
    }
}

[CollectionDefinition(nameof(BrowserEnvironment), DisableParallelization = true)]
public sealed class BrowserEnvironment;
