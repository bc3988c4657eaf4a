using MscAlf.Concepts;
using MscAlf.Figures;
using MscAlf.Jobs;

namespace MscAlf.Tests.Jobs;

public sealed class FiguresJobTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("mscalf-figures-job-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void Run_WhenHtmlOnly_ReturnsEveryFigureWithItsFilesAndWhatItWrote()
    {
        using var progress = new StringWriter();
        var result = FiguresJob.Run(new FiguresOptions { DataDirectory = TestData.RepositoryDataDirectory, OutputDirectory = _out, Formats = ["html"] }, progress);
        Assert.Equal(13, result.Figures.Count);
        Assert.All(result.Figures, f => Assert.Equal([f.Name + ".html"], f.Files));
        var built = FigureSet.Build(TestData.Dataset, StatusSnapshot.Registry2022October);
        Assert.Equal(built.Select(f => (f.Name, f.Title, f.Description)), result.Figures.Select(f => (f.Name, f.Title, f.Description)));
        Assert.Equal(17, result.Written.Count); // 13 pages, plotly.js and the map topology, the manifest, the gallery
        Assert.All(result.Written, f => Assert.True(File.Exists(f), f));
        Assert.Equal(Path.Combine(_out, "index.html"), result.IndexPath);
        Assert.StartsWith("Wrote 17 files in ", result.Summary, StringComparison.Ordinal);
        Assert.StartsWith($"Writing figures to {_out} (html)", progress.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenAGeneratorIsNamed_TheManifestSaysSo()
    {
        FiguresJob.Run(new FiguresOptions
        {
            DataDirectory = TestData.RepositoryDataDirectory, OutputDirectory = _out, Formats = ["html"], Generator = "a notebook",
        }, TextWriter.Null);
        Assert.Contains("\"generator\": \"a notebook\"", File.ReadAllText(Path.Combine(_out, FiguresJob.ManifestName)), StringComparison.Ordinal);
    }
}
