namespace MscAlf.Tests.Data;

/// <summary>The curated CSVs are exactly what data/curation/curate.py makes from the sources kept in the repository.</summary>
public sealed class CurationTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("mscalf-curation-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [PythonFact]
    public void Curate_WhenRunFromTheRepository_RebuildsTheCuratedFilesByteForByte()
    {
        var data = TestData.RepositoryDataDirectory;
        var script = Path.Combine(data, "curation", "curate.py");
        var (code, output, error) = Kernel.KernelDriver.Python([script, "--out", _out], null, null, TimeSpan.FromMinutes(2));
        Assert.True(code == 0, error + output);
        foreach (var file in new[] { "trials.csv", "preclinical.csv", "human_studies.csv" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(data, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_out, file))),
                $"data/{file} is not what curate.py makes from data/curation/sources/: rerun `python3 data/curation/curate.py` or fix the script");
        }
    }
}
