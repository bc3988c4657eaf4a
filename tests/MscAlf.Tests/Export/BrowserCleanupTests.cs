using System.Diagnostics;
using MscAlf.Concepts;
using MscAlf.Export;
using MscAlf.Figures;
using MscAlf.Jobs;
using MscAlf.Tests.Cli;

namespace MscAlf.Tests.Export;

/// <summary>
/// Image export cleans up whatever way it ends: cancelled (SIGINT/SIGTERM), or killed outright (the next run sweeps
/// what the killed one left, browsers included).
/// </summary>
[Collection(nameof(BrowserEnvironment))]
public sealed class BrowserCleanupTests
{
    private static IEnumerable<string> OursInTemp(int pid) =>
        Directory.EnumerateFileSystemEntries(Path.GetTempPath(), $"mscalf-*-{pid}-*");

    [Fact]
    public void SweepStale_WhenTheOwnerIsDead_RemovesItsFoldersAndKeepsLiveOnes()
    {
        using var exited = Process.Start(new ProcessStartInfo("true"))!;
        exited.WaitForExit();
        var dead = Path.Combine(Path.GetTempPath(), $"mscalf-render-{exited.Id}-{Guid.NewGuid():N}");
        var deadProfile = Path.Combine(Path.GetTempPath(), $"mscalf-chromium-{exited.Id}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(dead, "sub"));
        Directory.CreateDirectory(deadProfile);
        using var live = TemporaryFolder.Create("render");
        TemporaryFolder.SweepStale();
        Assert.False(Directory.Exists(dead));
        Assert.False(Directory.Exists(deadProfile));
        Assert.True(Directory.Exists(live.Path));
    }

    [ChromiumFact]
    public void Render_WhenCancelled_StopsChromiumAndRemovesItsTemporaryFolders()
    {
        var figures = FigureSet.Build(TestData.Dataset, StatusSnapshot.Registry2022October);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        var clock = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => ImageRenderer.Render(figures, ["png", "svg"], cancel.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"cancellation took {clock.Elapsed}");
        Assert.Empty(OursInTemp(Environment.ProcessId));
        Assert.Empty(ChromiumWithProfileOf(Environment.ProcessId));
    }

    [ChromiumTheory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public void Figures_WhenTheCliGetsASignal_EndsChromiumAndCleansUp(string signal, int exitCode)
    {
        var output = Directory.CreateTempSubdirectory("mscalf-signal-").FullName;
        try
        {
            using var cli = StartExportAndWaitForItsBrowser(output);
            var error = cli.StandardError.ReadToEndAsync();
            using (var kill = Process.Start("kill", ["-" + signal, cli.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }
            Assert.True(cli.WaitForExit(TimeSpan.FromSeconds(30)), "the CLI did not end after the signal");
            Assert.Equal(exitCode, cli.ExitCode);
            Assert.Contains("Interrupted", error.Result, StringComparison.Ordinal);
            Assert.Empty(ChromiumWithProfileOf(cli.Id));
            Assert.Empty(OursInTemp(cli.Id));
            Assert.False(File.Exists(Path.Combine(output, FiguresJob.ManifestName)));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [ChromiumFact]
    public void Render_AfterARunWasKilledOutright_EndsItsBrowserAndRemovesItsFolders()
    {
        var output = Directory.CreateTempSubdirectory("mscalf-sigkill-").FullName;
        try
        {
            using var cli = StartExportAndWaitForItsBrowser(output);
            _ = cli.StandardError.ReadToEndAsync();
            cli.Kill(entireProcessTree: false); // SIGKILL to the CLI alone: its browser is orphaned
            cli.WaitForExit();
            Assert.NotEmpty(OursInTemp(cli.Id));

            TemporaryFolder.SweepStale(); // what every later export does first

            Assert.Empty(OursInTemp(cli.Id));
            Assert.Empty(ChromiumWithProfileOf(cli.Id));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>Starts <c>figures</c> (all formats) in a child process and returns once its browser runs.</summary>
    private static Process StartExportAndWaitForItsBrowser(string output)
    {
        var cli = Process.Start(Foreground.Wrap(CliProcess.StartInfo("figures", "--out", output)))!;
        _ = cli.StandardOutput.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (ChromiumWithProfileOf(cli.Id).Count == 0 && deadline.Elapsed < TimeSpan.FromSeconds(60) && !cli.HasExited)
        {
            Thread.Sleep(100);
        }
        Assert.False(cli.HasExited, "the export finished before its browser could be seen");
        return cli;
    }

    /// <summary>The browser processes running with a profile folder of <paramref name="owner"/>.</summary>
    private static List<int> ChromiumWithProfileOf(int owner)
    {
        var marker = $"--user-data-dir={Path.GetTempPath()}mscalf-chromium-{owner}-";
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (int.TryParse(Path.GetFileName(dir), out var pid) &&
                    File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Contains(marker, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }
}
