using MscAlf.Registry;

namespace MscAlf.Tests.Registry;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mscalf-import-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Import_WhenCsvExport_WritesTheTrialsSchemaAndCounts()
    {
        var output = Path.Combine(_dir, "trials.csv");
        var (code, stdout, stderr) = await MscAlf.Tests.Cli.Cli.RunAsync("import", Fixtures.Csv, "--out", output);
        Assert.True(code == 0, stderr);
        Assert.Contains("Read 25 records; imported 25 (0 liver, 25 not liver); skipped 0 invalid", stdout, StringComparison.Ordinal);
        Assert.Equal(25, TrialFiles.Read(output).Count);
    }

    [Fact]
    public async Task Import_WhenJsonFolder_ImportsEveryStudy()
    {
        var output = Path.Combine(_dir, "trials.csv");
        var (code, stdout, _) = await MscAlf.Tests.Cli.Cli.RunAsync("import", Fixtures.Json, "--out", output);
        Assert.Equal(0, code);
        Assert.Contains("imported 7", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenRecordsAreInvalid_FailsListingEachAndWritesNothing()
    {
        var input = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(input, "NCT Number,Study Status,Enrollment\nNCT01234567,RECRUITING,10\nNCT7,RECRUITING,10\nNCT01234568,PAUSED,10\n");
        var output = Path.Combine(_dir, "out.csv");
        var (code, _, stderr) = await MscAlf.Tests.Cli.Cli.RunAsync("import", input, "--out", output);
        Assert.Equal(1, code);
        Assert.Contains("bad.csv:3: field 'NCT Number': value 'NCT7'", stderr, StringComparison.Ordinal);
        Assert.Contains("bad.csv:4: field 'status': value 'PAUSED'", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));

        var (skipCode, stdout, _) = await MscAlf.Tests.Cli.Cli.RunAsync("import", input, "--out", output, "--skip-invalid");
        Assert.Equal(0, skipCode);
        Assert.Contains("skipped bad.csv:3", stdout, StringComparison.Ordinal);
        Assert.Contains("skipped bad.csv:4", stdout, StringComparison.Ordinal);
        Assert.Contains("imported 1 ", stdout, StringComparison.Ordinal);
        Assert.Single(TrialFiles.Read(output));
    }

    [Fact]
    public async Task Fetch_WhenServerReplaysPages_FetchesAndImports()
    {
        using var server = new FaultServer(Fixtures.Pages());
        server.Fault(2, "429");
        var (code, stdout, stderr) = await MscAlf.Tests.Cli.Cli.RunAsync("fetch", "--cond", "liver", "--intr", "mesenchymal", "--base-url", server.BaseUrl.ToString(),
            "--out", _dir, "--page-size", "3", "--max-rps", "20");
        Assert.True(code == 0, stderr);
        Assert.Contains("retry 1", stdout, StringComparison.Ordinal);
        Assert.Contains("imported 7", stdout, StringComparison.Ordinal);
        Assert.Equal(7, TrialFiles.Read(Path.Combine(_dir, "trials.csv")).Count);
    }

    [Fact]
    public async Task Diff_WhenCuratedAgainstImport_ReportsTableAndCsv()
    {
        var imported = Path.Combine(_dir, "imported.csv");
        await MscAlf.Tests.Cli.Cli.RunAsync("import", Fixtures.Json, "--out", imported);
        var changes = Path.Combine(_dir, "changes.csv");
        var (code, stdout, _) = await MscAlf.Tests.Cli.Cli.RunAsync("diff", Path.Combine(TestData.RepositoryDataDirectory, "trials.csv"), imported, "--out", changes);
        Assert.Equal(0, code);
        Assert.StartsWith("7 new, 87 vanished, 0 status, 0 enrollment, 0 phase", stdout, StringComparison.Ordinal);
        Assert.Equal(95, File.ReadAllLines(changes).Length);
    }
}
