using MscAlf.Jobs;
using MscAlf.Registry;
using MscAlf.Tests.Registry;

namespace MscAlf.Tests.Jobs;

public sealed class ImportJobTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mscalf-import-job-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Run_WhenCsvExport_ReturnsTheCountsAndTheSummaryLine()
    {
        var output = Path.Combine(_dir, "trials.csv");
        var result = ImportJob.Run(new ImportJobOptions { Input = Fixtures.Csv, Output = output }, TextWriter.Null, TextWriter.Null);
        Assert.Equal((25L, 25L, 0L, 0L), (result.Counts.Read, result.Counts.Imported, result.Counts.Liver, result.Counts.Skipped));
        Assert.False(result.IsDatabase);
        Assert.Equal($"Read 25 records; imported 25 (0 liver, 25 not liver); skipped 0 invalid; merged 0 duplicates; wrote {output}", result.Summary);
        Assert.Equal(25, TrialFiles.Read(output).Count);
    }

    [Fact]
    public void Run_WhenInputIsMissing_ThrowsJobFailedAndWritesNothing()
    {
        var output = Path.Combine(_dir, "trials.csv");
        var error = Assert.Throws<JobFailedException>(() =>
            ImportJob.Run(new ImportJobOptions { Input = Path.Combine(_dir, "none.csv"), Output = output }, TextWriter.Null, TextWriter.Null));
        Assert.EndsWith("none.csv: no such file or folder", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Run_WhenOutputIsTheInput_ThrowsJobFailed()
    {
        var input = Path.Combine(_dir, "in.csv");
        File.Copy(Fixtures.Csv, input);
        Assert.Throws<JobFailedException>(() =>
            ImportJob.Run(new ImportJobOptions { Input = input, Output = input }, TextWriter.Null, TextWriter.Null));
        Assert.Equal(File.ReadAllBytes(Fixtures.Csv), File.ReadAllBytes(input));
    }
}
