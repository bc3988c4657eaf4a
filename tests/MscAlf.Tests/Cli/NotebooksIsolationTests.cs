using System.Diagnostics;
using MscAlf.Notebooks;
using MscAlf.Tests.Notebooks;

namespace MscAlf.Tests.Cli;

/// <summary>
/// Cells that would hang, kill or flood the runner, run through the real command line in a child process: every
/// run ends, with one located line, and what is written stays bounded.
/// </summary>
public sealed class NotebooksIsolationTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("mscalf-isolation-").FullName;
    private readonly ScratchNotebooks _scratch = new();

    public void Dispose()
    {
        Directory.Delete(_out, recursive: true);
        _scratch.Dispose();
    }

    private static (int Code, string Output, string Error, TimeSpan Took) RunCli(params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(CliProcess.StartInfo(arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the command line did not end within 120 s");
        }
        return (process.ExitCode, output.Result, error.Result, clock.Elapsed);
    }

    [Fact]
    public void NotebooksRun_WhenACellLeavesAForegroundThread_TheProcessStillEnds()
    {
        var path = _scratch.Write("new System.Threading.Thread(() => System.Threading.Thread.Sleep(600_000)).Start();", "1");
        var (code, output, error, took) = RunCli("notebooks", "run", "--out", _out, path);
        Assert.True(code == 0, error);
        Assert.Contains(": ok,", output, StringComparison.Ordinal);
        Assert.True(took < TimeSpan.FromSeconds(60), $"took {took}");
    }

    [Fact]
    public void NotebooksRun_WhenACellCallsEnvironmentExit_SaysWhichCellEndedTheRun()
    {
        var path = _scratch.Write("var a = 1;", "Environment.Exit(3);");
        var (code, _, error, _) = RunCli("notebooks", "run", "--out", _out, path);
        Assert.NotEqual(0, code);
        Assert.Contains($"{path}: cell 2: the cell ended the process (Environment.Exit)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void NotebooksRun_WhenACellPrintsWithoutEndUntilItsTimeout_WritesABoundedNotebook()
    {
        var path = _scratch.Write("while (true) Console.Write(\"x\");");
        var (code, _, error, _) = RunCli("notebooks", "run", "--timeout", "3", "--out", _out, path);
        Assert.Equal(1, code);
        Assert.Contains("cell 1, line 1: TimeoutError", error, StringComparison.Ordinal);
        var written = Notebook.Load(Path.Combine(_out, Path.GetFileName(path)));
        var text = string.Concat(written.Cells[0].Outputs.Where(o => (string?)o["output_type"] == "stream").Select(o => Notebook.Text(o["text"])));
        Assert.StartsWith(new string('x', 1000), text, StringComparison.Ordinal);
        Assert.Contains("[output cut: the cell wrote", text, StringComparison.Ordinal);
        Assert.True(text.Length < ScriptSession.MaxStreamCharacters + 200, $"{text.Length} characters");
    }

    [Fact]
    public void NotebooksRun_WhenACellPrints100Megabytes_KeepsTheNotebookSmall()
    {
        var path = _scratch.Write("Console.Write(new string('x', 100_000_000));\n\"done\"");
        var (code, _, error, _) = RunCli("notebooks", "run", "--out", _out, path);
        Assert.True(code == 0, error);
        Assert.True(new FileInfo(Path.Combine(_out, Path.GetFileName(path))).Length < 2_000_000);
    }

    [Fact]
    public async Task NotebooksRun_WhenTwoNotebooksShareAFileName_RefusesBeforeRunningEither()
    {
        var first = _scratch.Write("1");
        var other = Directory.CreateDirectory(Path.Combine(_scratch.Directory, "other")).FullName;
        var second = Path.Combine(other, Path.GetFileName(first));
        File.Copy(first, second);
        var (code, _, error) = await Cli.RunAsync("notebooks", "run", "--out", _out, first, second);
        Assert.Equal(1, code);
        Assert.Contains($"{first} and {second} would all be written to", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_out));
    }

    [Fact]
    public async Task NotebooksRun_WhenInterruptedWithCtrlC_StopsTheCellAndWritesNothing()
    {
        var path = _scratch.Write("while (true) { }");
        using var process = Process.Start(Foreground.Wrap(CliProcess.StartInfo("notebooks", "run", "--out", _out, path)))!;
        var error = process.StandardError.ReadToEndAsync();
        await Task.Delay(4000);
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }
        var clock = Stopwatch.StartNew();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(limit.Token);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(12), $"it took {clock.Elapsed} to stop (the job's grace after Ctrl+C is 10 s)");
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("Interrupted", await error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_out, Path.GetFileName(path))));
    }

    [Fact]
    public void NotebooksRun_WhenACellRecursesWithoutEnd_FailsTheCellNotTheProcess()
    {
        var path = _scratch.Write("int Down(int n) => Down(n + 1) + 1;\nDown(0)");
        var (code, _, error, _) = RunCli("notebooks", "run", "--out", _out, path);
        Assert.Equal(1, code);
        Assert.Contains("cell 1, line 1: InsufficientExecutionStackException", error, StringComparison.Ordinal);
    }
}
