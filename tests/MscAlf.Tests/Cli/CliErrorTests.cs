using MscAlf.Cli;
using MscAlf.Jobs;
using MscAlf.Tests.Notebooks;

namespace MscAlf.Tests.Cli;

/// <summary>
/// The one error path: each careless or hostile argument ends as one located line on stderr and exit 1, with
/// control characters escaped; a stack trace only with --verbose.
/// </summary>
[Collection(nameof(ConsoleUsers))]
public sealed class CliErrorTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("mscalf-cli-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static void AssertOneCleanLine(string error)
    {
        var lines = error.TrimEnd('\n', '\r').Split('\n');
        Assert.True(lines.Length == 1, $"expected one line, got:\n{error}");
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unexpected", error, StringComparison.Ordinal);
        Assert.False(error.TrimEnd('\n', '\r').Any(c => char.IsControl(c) && c != '\n'), "raw control character on stderr");
    }

    [Fact]
    public async Task Import_WhenTheProductListIsMissing_SaysSoInOneLineAndWritesNothing()
    {
        var (list, output) = (Path.Combine(_scratch, "none.csv"), Path.Combine(_scratch, "trials.csv"));
        var (code, _, error) = await Cli.RunAsync("import", MscAlf.Tests.Registry.Fixtures.Csv, "--out", output, "--products", list);
        Assert.Equal(1, code);
        AssertOneCleanLine(error);
        Assert.StartsWith($"{list}:0: a readable file;", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Products_WhenInputIsMissing_SaysSoInOneLine()
    {
        var (code, _, error) = await Cli.RunAsync("products", Path.Combine(_scratch, "none.zip"), "--out", Path.Combine(_scratch, "c.csv"));
        Assert.Equal(1, code);
        AssertOneCleanLine(error);
        Assert.EndsWith("none.zip: no such file or folder", error.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figures_WhenOutIsAFile_SaysSoInOneLine()
    {
        var file = Path.Combine(_scratch, "taken");
        File.WriteAllText(file, "x");
        var (code, _, error) = await Cli.RunAsync("figures", "--format", "html", "--out", file);
        Assert.Equal(1, code);
        AssertOneCleanLine(error);
        Assert.Contains($"{file}: is a file; the output must be a folder", error, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public async Task Figures_WhenOutCannotBeCreated_SaysSoInOneLine()
    {
        var (code, _, error) = await Cli.RunAsync("figures", "--format", "html", "--out", "/proc/version/figures");
        Assert.Equal(1, code);
        AssertOneCleanLine(error);
        Assert.Contains("/proc/version/figures: cannot create or write the output folder", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(",")]
    public async Task Figures_WhenNoFormatIsGiven_RefusesInsteadOfWritingAnEmptyGallery(string format)
    {
        var output = Path.Combine(_scratch, "out");
        var (code, _, error) = await Cli.RunAsync("figures", "--format", format, "--out", output);
        Assert.Equal(1, code);
        AssertOneCleanLine(error);
        Assert.Contains("No format given", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, FiguresJob.ManifestName)));
    }

    [Fact]
    public async Task Figures_WhenFormatIsHostile_EscapesItInTheMessage()
    {
        var (code, _, error) = await Cli.RunAsync("figures", "--format", "html,\u001B[2J\u202Egif", "--out", Path.Combine(_scratch, "out"));
        Assert.Equal(1, code);
        AssertOneCleanLine(error);
        Assert.Contains("'\\u001B[2J\\u202Egif'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figures_WhenOutHasAPipeInItsName_Works()
    {
        var output = Path.Combine(_scratch, "a|b");
        var (code, _, error) = await Cli.RunAsync("figures", "--format", "html", "--out", output);
        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
    }

    [Fact]
    public async Task Validate_WhenTrialsIsUnreadable_NamesTheFileInOneErrorLine()
    {
        using var copy = new DataCopy();
        File.Delete(copy.PathOf("trials.csv"));
        Directory.CreateDirectory(copy.PathOf("trials.csv")); // unreadable as a file even for root
        var (code, output, error) = await Cli.RunAsync("validate", "--data", copy.Directory);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains($"{copy.PathOf("trials.csv")}:0: a file; this is a folder", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WhenDataFolderNameHasControlCharacters_EscapesThem()
    {
        var (code, _, error) = await Cli.RunAsync("validate", "--data", Path.Combine(_scratch, "x\u001B]0;owned\u0007\u202E"));
        Assert.Equal(1, code);
        AssertOneCleanLine(error);
        Assert.Contains("x\\u001B]0;owned\\u0007\\u202E", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WhenACellHasEscapeSequences_NeverPrintsThemRaw()
    {
        using var copy = new DataCopy();
        copy.Replace("trials.csv", ",Japan,", ",Ja\u001B[31mpan\u202E,");
        var (code, _, error) = await Cli.RunAsync("validate", "--data", copy.Directory);
        Assert.Equal(1, code);
        Assert.Contains("column 'countries': value 'Ja\\u001B[31mpan\\u202E': text without control", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001B', error);
        Assert.DoesNotContain('\u202E', error);
    }

    [Fact]
    public async Task Validate_WhenAValueIs20Megabytes_PrintsItCutWithItsLength()
    {
        using var copy = new DataCopy();
        copy.Replace("trials.csv", ",30,anticipated,", $",{new string('9', 20_000_000)},anticipated,");
        var (code, _, error) = await Cli.RunAsync("validate", "--data", copy.Directory);
        Assert.Equal(1, code);
        Assert.Contains("(cut; 20000000 characters in all): a whole number", error, StringComparison.Ordinal);
        Assert.True(error.Length < 1000, $"{error.Length} characters on stderr");
    }

    [Theory]
    [InlineData("figures", "--bogus")]
    [InlineData("validate", "--data", "")]
    [InlineData("frobnicate")]
    [InlineData("notebooks", "run")]
    public async Task Run_WhenArgumentsDoNotParse_PrintsOneLinePerProblemAndNoHelp(params string[] args)
    {
        var (code, output, error) = await Cli.RunAsync(args);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.All(error.TrimEnd().Split('\n'), line => Assert.EndsWith("(see --help)", line.TrimEnd(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("build", "--timeout", "-5")]
    [InlineData("build", "--timeout", "0")]
    [InlineData("notebooks", "run", "--timeout", "2147483647", "x.ipynb")]
    [InlineData("notebooks", "run", "--timeout", "86401", "x.ipynb")]
    public async Task Run_WhenTimeoutIsOutOfRange_RefusesInsteadOfCoercing(params string[] args)
    {
        var (code, output, error) = await Cli.RunAsync(args);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        AssertOneCleanLine(error);
        Assert.Contains("--timeout: give whole seconds from 1 to 86400", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figures_WhenOutIsTheDataFolder_RefusesToWriteAmongTheInputs()
    {
        using var copy = new DataCopy();
        var before = Directory.GetFiles(copy.Directory).Order().ToList();
        var (code, _, error) = await Cli.RunAsync("figures", "--format", "html", "--data", copy.Directory, "--out", copy.Directory + "/");
        Assert.Equal(1, code);
        AssertOneCleanLine(error);
        Assert.Contains("is the data folder", error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(copy.Directory).Order());
    }

    [Fact]
    public async Task Validate_WhenTrialsIsADevice_RefusesItUnread()
    {
        using var copy = new DataCopy();
        File.Delete(copy.PathOf("trials.csv"));
        File.CreateSymbolicLink(copy.PathOf("trials.csv"), "/dev/zero");
        var (code, _, error) = await Cli.RunAsync("validate", "--data", copy.Directory);
        Assert.Equal(1, code);
        Assert.Contains("trials.csv:0: a regular file; this is a device, pipe or socket", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WhenTrialsIsAPipeWithNoWriter_FailsWithoutWaiting()
    {
        using var copy = new DataCopy();
        File.Delete(copy.PathOf("trials.csv"));
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", copy.PathOf("trials.csv")))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var run = Task.Run(() => Cli.RunAsync("validate", "--data", copy.Directory));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == run, "validate waited on the pipe");
        var (code, _, error) = await run;
        Assert.Equal(1, code);
        Assert.Contains("trials.csv:0: a regular file; this is a device, pipe or socket", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WhenTrialsIsHuge_StopsAtTheSizeLimit()
    {
        using var copy = new DataCopy();
        using (var stream = File.Open(copy.PathOf("trials.csv"), FileMode.Append))
        {
            stream.SetLength(MscAlf.Data.CsvTable.MaxCuratedFileBytes + 1); // sparse: no disk used
        }
        var (code, _, error) = await Cli.RunAsync("validate", "--data", copy.Directory);
        Assert.Equal(1, code);
        Assert.Contains("trials.csv:0: a data file of at most 64 MB", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotebooksRun_WhenOutIsTheNotebooksOwnFolder_RefusesToOverwriteIt()
    {
        var notebook = Path.Combine(_scratch, "n.ipynb");
        const string Text = """{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": []}""";
        File.WriteAllText(notebook, Text);
        var (code, _, error) = await Cli.RunAsync("notebooks", "run", "--out", _scratch, notebook);
        Assert.Equal(1, code);
        Assert.Contains("--out would overwrite this notebook; use --inplace", error, StringComparison.Ordinal);
        Assert.Equal(Text, File.ReadAllText(notebook));
    }

    [Fact]
    public async Task Run_WhenVerbose_AddsTheStackTrace()
    {
        var file = Path.Combine(_scratch, "taken");
        File.WriteAllText(file, "x");
        var (quiet, _, brief) = await Cli.RunAsync("figures", "--format", "html", "--out", file);
        var (loud, _, full) = await Cli.RunAsync("figures", "--format", "html", "--out", file, "--verbose");
        Assert.Equal((1, 1), (quiet, loud));
        Assert.DoesNotContain("   at ", brief, StringComparison.Ordinal);
        Assert.Contains("   at MscAlf.Export.OutputFolder.Prepare", full, StringComparison.Ordinal);
        Assert.StartsWith(brief.TrimEnd(), full, StringComparison.Ordinal);
    }

    /// <summary>Every verb's failures take the one error path, so --verbose adds the stack trace to each of them.</summary>
    [Theory]
    [InlineData("import", "/nonexistent-input", "--out", "{scratch}/x.csv")]
    [InlineData("products", "/nonexistent-input", "--out", "{scratch}/x.csv")]
    [InlineData("fetch", "--cond", "liver", "--base-url", "http://127.0.0.1:9/", "--out", "{scratch}/fetch", "--products", "/nonexistent.csv")]
    [InlineData("query", "/nonexistent.duckdb", "SELECT 1")]
    [InlineData("diff", "/nonexistent-old.csv", "/nonexistent-new.csv")]
    [InlineData("kernel", "run", "--connection-file", "/nonexistent.json")]
    public async Task Run_WhenAVerbFailsAndVerbose_PrintsItsLineThenTheStackTrace(params string[] args)
    {
        var argv = args.Select(a => a.Replace("{scratch}", _scratch, StringComparison.Ordinal)).ToArray();

        var (quiet, _, brief) = await Cli.RunAsync(argv);
        var (loud, _, full) = await Cli.RunAsync([.. argv, "--verbose"]);

        Assert.Equal((1, 1), (quiet, loud));
        Assert.Single(brief.TrimEnd().Split('\n'));
        Assert.StartsWith(brief.TrimEnd(), full, StringComparison.Ordinal);
        Assert.Contains("   at MscAlf.", full, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WhenTheExceptionIsUnexpected_SaysItIsABugInOneLine()
    {
        using var error = new StringWriter();
        var code = CliApp.Report(new KeyNotFoundException("x\u001B"), verbose: false, error);
        Assert.Equal(1, code);
        Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.Contains("Unexpected KeyNotFoundException: x\\u001B (a bug", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// An argument out of range inside the library is a bug, not a refusal of the user's input: an import that hit the
    /// regex-engine hang of dotnet/runtime#133429 ended in "Non-negative number required. (Parameter 'newSize')", printed
    /// as if it were an input error, with no stack trace even under --verbose.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Report_WhenAnArgumentIsOutOfRangeInside_SaysItIsABug(bool nullArgument)
    {
        using var error = new StringWriter();
        Exception bug = nullArgument ? new ArgumentNullException(nameof(nullArgument)) : new ArgumentOutOfRangeException(nameof(nullArgument), "Non-negative number required.");
        Assert.Equal(1, CliApp.Report(bug, verbose: false, error));
        Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.StartsWith($"Unexpected {bug.GetType().Name}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotebooksRun_WhenANotebookIsAFolder_SaysSo()
    {
        var folder = Path.Combine(_scratch, "dir.ipynb");
        Directory.CreateDirectory(folder);
        var (code, _, error) = await Cli.RunAsync("notebooks", "run", "--out", Path.Combine(_scratch, "out"), folder);
        Assert.Equal(1, code);
        AssertOneCleanLine(error);
        Assert.Contains($"{folder}: is a folder, not a notebook", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotebooksRun_WhenOutIsAFile_SaysSoBeforeRunningAnything()
    {
        var file = Path.Combine(_scratch, "taken");
        File.WriteAllText(file, "x");
        var notebook = Path.Combine(_scratch, "n.ipynb");
        File.WriteAllText(notebook, """{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": []}""");
        var (code, output, error) = await Cli.RunAsync("notebooks", "run", "--out", file, notebook);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        AssertOneCleanLine(error);
        Assert.Contains($"{file}: is a file; the output must be a folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotebooksRun_WhenNotebookIsNotJson_NamesItInOneLine()
    {
        var notebook = Path.Combine(_scratch, "broken.ipynb");
        File.WriteAllText(notebook, "{ \"cells\": [");
        var (code, _, error) = await Cli.RunAsync("notebooks", "run", "--out", Path.Combine(_scratch, "out"), notebook);
        Assert.Equal(1, code);
        AssertOneCleanLine(error);
        Assert.Contains($"{notebook}: not a valid Jupyter notebook", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotebooksRun_WhenNotebookIsAPipe_FailsWithoutWaiting()
    {
        var notebook = Path.Combine(_scratch, "pipe.ipynb");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", notebook))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var run = Task.Run(() => Cli.RunAsync("notebooks", "run", "--out", Path.Combine(_scratch, "out"), notebook));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == run, "notebooks run waited on the pipe");
        var (code, _, error) = await run;
        Assert.Equal(1, code);
        AssertOneCleanLine(error);
        Assert.Contains($"{notebook}: not a notebook file (a device, pipe or socket)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_WhenOutCannotBeCreated_StopsAfterValidatingWithOneLine()
    {
        var (code, output, error) = await Cli.RunAsync("build", "--out", "/proc/version/build");
        Assert.Equal(1, code);
        AssertOneCleanLine(error);
        Assert.Contains("/proc/version/build: cannot create or write the output folder", error, StringComparison.Ordinal);
        Assert.DoesNotContain("[2/4]", output, StringComparison.Ordinal);
    }
}
