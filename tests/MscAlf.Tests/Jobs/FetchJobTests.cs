using MscAlf.Codes;
using MscAlf.Jobs;
using MscAlf.Registry;
using MscAlf.Tests.Registry;

namespace MscAlf.Tests.Jobs;

/// <summary>
/// The fetch job: the fetched pages are imported with the user's product list, checked before any request, and an interrupt
/// while they are imported leaves no trials file.
/// </summary>
public sealed class FetchJobTests : IDisposable
{
    private const string Header = "product,names,tissue,tissue_as_written,source,url\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("mscalf-fetch-job-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>One page: a record naming its MSCs and one naming them only by the brand StemXcel-7.</summary>
    private static IReadOnlyList<string> Page() =>
    [
        """
        {"totalCount": 2, "studies": [
         {"protocolSection": {"identificationModule": {"nctId": "NCT09000001", "briefTitle": "UC-MSCs in Cirrhosis" },
          "statusModule": {"overallStatus": "RECRUITING" }, "designModule": {"studyType": "INTERVENTIONAL" },
          "armsInterventionsModule": {"interventions": [{"type": "BIOLOGICAL", "name": "umbilical cord mesenchymal stem cells"}]}}},
         {"protocolSection": {"identificationModule": {"nctId": "NCT09000002", "briefTitle": "StemXcel-7 in Cirrhosis" },
          "statusModule": {"overallStatus": "RECRUITING" }, "designModule": {"studyType": "INTERVENTIONAL" },
          "armsInterventionsModule": {"interventions": [{"type": "BIOLOGICAL", "name": "StemXcel-7"}]}}}]}
        """,
    ];

    private string List(string rows)
    {
        var path = Path.Combine(_dir, "mine.csv");
        File.WriteAllText(path, Header + rows);
        return path;
    }

    private static Task<(int Code, string Stdout, string Stderr)> FetchAsync(FaultServer server, string output, params string[] more) =>
        MscAlf.Tests.Cli.Cli.RunAsync(["fetch", "--cond", "cirrhosis", "--base-url", server.BaseUrl.ToString(), "--out", output,
            "--max-rps", "20", .. more]);

    [Fact]
    public async Task Fetch_WhenGivenAProductList_ReadsTheBrandOnlyRecordAsAnMscTrial()
    {
        var list = List("StemXcel-7,StemXcel-7,unspecified,,NCT09000001,https://clinicaltrials.gov/study/NCT09000001\n");
        var (without, with) = (Path.Combine(_dir, "without"), Path.Combine(_dir, "with"));
        using var server = new FaultServer(Page());

        var plain = await FetchAsync(server, without);
        var listed = await FetchAsync(server, with, "--products", list);

        Assert.True(plain.Code == 0 && listed.Code == 0, plain.Stderr + listed.Stderr);
        var sources = (string folder) => TrialFiles.Read(Path.Combine(folder, "trials.csv")).ToDictionary(t => t.NctId, t => t.MscSource);
        Assert.Equal(MscSourceCode.NotApplicable, sources(without)["NCT09000002"]);
        Assert.Equal(MscSourceCode.Unspecified, sources(with)["NCT09000002"]);
        Assert.Equal(MscSourceCode.UmbilicalCord, sources(with)["NCT09000001"]);
    }

    [Fact]
    public async Task Fetch_WhenTheProductListIsInvalid_FailsWithOneLocatedLineBeforeAnyRequest()
    {
        var list = List("MyCells,Cartistem,adipose,,NCT09000001,https://x.org\n");
        var output = Path.Combine(_dir, "out");
        using var server = new FaultServer(Page());

        var (code, stdout, stderr) = await FetchAsync(server, output, "--products", list);

        Assert.Equal(1, code);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith($"{list}:2: column 'names': value 'Cartistem':", line, StringComparison.Ordinal);
        Assert.EndsWith("; nothing was fetched", line, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        Assert.False(Directory.Exists(output), stdout);
    }

    [Fact]
    public async Task Fetch_WhenTheProductListWouldBeOverwrittenByTheImport_RefusesBeforeAnyRequest()
    {
        var output = Directory.CreateDirectory(Path.Combine(_dir, "out")).FullName;
        var list = Path.Combine(output, "trials.csv");
        File.WriteAllText(list, Header + "StemXcel-7,StemXcel-7,unspecified,,NCT09000001,https://clinicaltrials.gov/study/NCT09000001\n");
        var before = File.ReadAllBytes(list);
        using var server = new FaultServer(Page());

        var (code, _, stderr) = await FetchAsync(server, output, "--products", list);

        Assert.Equal(1, code);
        Assert.Contains("is an input of this command", stderr, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        Assert.Equal(before, File.ReadAllBytes(list));
    }

    [Fact]
    public async Task RunAsync_WhenInterruptedOnceThePagesAreFetched_LeavesNoTrialsFile()
    {
        var output = Path.Combine(_dir, "out");
        using var server = new FaultServer(Page());
        using var interrupt = new CancellationTokenSource();
        var options = new FetchJobOptions
        {
            Query = new FetchOptions { BaseUrl = server.BaseUrl, Condition = "cirrhosis", MinInterval = TimeSpan.FromMilliseconds(20) },
            Directory = output,
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            FetchJob.RunAsync(options, new CancelOn("Fetched ", interrupt), TextWriter.Null, interrupt.Token));

        Assert.Single(server.Requests);
        Assert.False(File.Exists(Path.Combine(output, FetchJob.TrialsFile)));
    }

    /// <summary>A progress writer that cancels when a line starting with <paramref name="prefix"/> is written.</summary>
    private sealed class CancelOn(string prefix, CancellationTokenSource source) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.StartsWith(prefix, StringComparison.Ordinal) == true)
            {
                source.Cancel();
            }
        }
    }
}
