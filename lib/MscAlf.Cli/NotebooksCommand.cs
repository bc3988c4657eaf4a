using System.CommandLine;
using System.Globalization;
using MscAlf.Export;
using MscAlf.IO;
using MscAlf.Notebooks;
using MscAlf.Text;

namespace MscAlf.Cli;

/// <summary><c>notebooks run [--out DIR | --inplace] [--timeout S] FILES…</c>: executes notebooks and writes them with outputs.</summary>
internal static class NotebooksCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "The notebooks to run.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write executed notebooks here (default: results/notebooks)." };
        var inplace = new Option<bool>("--inplace") { Description = "Overwrite each notebook with its executed copy." };
        var timeout = CliApp.TimeoutOption($"Per-cell timeout in seconds, 1 to {CliApp.MaxTimeoutSeconds} (default {NotebookRunner.DefaultTimeout.TotalSeconds:0}).");
        var run = new Command("run", "Execute notebooks top to bottom and write them with their outputs.") { files, output, inplace, timeout };
        run.SetAction(CliApp.Async(async (result, cancellation) =>
        {
            if (result.GetValue(inplace) && result.GetValue(output) is not null || result.GetValue(timeout) <= 0)
            {
                return CliApp.Fail(CliApp.Err(result), "Use either --out or --inplace, and a positive --timeout.");
            }
            var target = result.GetValue(inplace) ? null : (result.GetValue(output)?.FullName ?? ProjectPaths.FindOrWorkingDirectory().ResultsNotebooks);
            return await RunAsync(result.GetValue(files)!.Select(f => f.FullName).ToList(), target,
                TimeSpan.FromSeconds(result.GetValue(timeout)), CliApp.Out(result), CliApp.Err(result), cancellation).ConfigureAwait(false);
        }));
        return new Command("notebooks", "Work with the C# notebooks.") { run };
    }

    /// <summary>
    /// Runs each notebook in order, stopping at the first failure; null <paramref name="outputDirectory"/> means in
    /// place. Cancelling interrupts the running cell and writes nothing more.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> files, string? outputDirectory, TimeSpan timeout,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        var imagesOff = false;
        foreach (var file in files)
        {
            if (Directory.Exists(file))
            {
                return CliApp.Fail(stderr, $"{file}: is a folder, not a notebook");
            }
            if (!File.Exists(file))
            {
                return CliApp.Fail(stderr, $"{file}: no such notebook");
            }
        }
        if (outputDirectory is not null)
        {
            if (files.GroupBy(f => Path.GetFileName(f), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } clash)
            {
                return CliApp.Fail(stderr, $"{string.Join(" and ", clash)} would all be written to " +
                    $"{Path.Combine(outputDirectory, clash.Key)}: run them in separate calls, or use --inplace");
            }
            OutputFolder.Prepare(outputDirectory);
        }
        using var images = new ChartImages(); // one browser draws the static images of every notebook of the run
        foreach (var file in files)
        {
            // A notebook that is not valid JSON or nbformat throws FormatException: CliApp reports it, located.
            var run = await NotebookRunner.RunAsync(file, timeout, images, cancellation).ConfigureAwait(false);
            var destination = outputDirectory is null ? file : Path.Combine(outputDirectory, Path.GetFileName(file));
            if (outputDirectory is not null && Path.GetFullPath(destination) == Path.GetFullPath(file))
            {
                return CliApp.Fail(stderr, $"{file}: --out would overwrite this notebook; use --inplace to mean that");
            }
            AtomicFile.WriteAllText(destination, run.Notebook.ToJson());
            stdout.WriteLine(SafeText.Escape(Summary(file, run, destination)));
            if (run.ChartImagesOff is { } reason && !imagesOff)
            {
                imagesOff = true; // said once for the whole run
                stderr.WriteLine(reason);
            }
            if (run.Failure is { } failure)
            {
                return CliApp.Fail(stderr, failure.ToString());
            }
        }
        return 0;
    }

    private static string Summary(string file, NotebookRun run, string destination)
    {
        var times = run.CellTimes;
        var first = times.Count > 0 ? times[0].TotalMilliseconds : 0;
        var later = times.Skip(1).Select(t => t.TotalMilliseconds).Order().ToList();
        var median = later.Count > 0 ? later[later.Count / 2] : 0;
        var total = times.Sum(t => t.TotalSeconds);
        return string.Create(CultureInfo.InvariantCulture,
            $"  {Path.GetFileName(file)}: {(run.Succeeded ? "ok" : "FAILED")}, {times.Count} cells in {total:0.0} s " +
            $"(first {first:0} ms, later median {median:0} ms, max {later.DefaultIfEmpty(0).Max():0} ms) -> {destination}");
    }
}
