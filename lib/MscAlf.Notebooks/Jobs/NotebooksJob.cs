using System.Globalization;
using MscAlf.Export;
using MscAlf.IO;
using MscAlf.Text;

namespace MscAlf.Notebooks.Jobs;

/// <summary>
/// The notebooks job: runs notebooks in order and writes each with its outputs (atomically), stopping at the first
/// failing cell. One browser draws the static images of every notebook of the run.
/// </summary>
public static class NotebooksJob
{
    /// <summary>
    /// Checks the inputs and the output folder first (a missing notebook, a folder, two notebooks that would be written
    /// to one file, an output over its own input: <see cref="ArgumentException"/> or <see cref="FileNotFoundException"/>,
    /// nothing run), then runs each notebook; a line per notebook goes to <paramref name="progress"/>, and the one note
    /// that charts have no static image to <paramref name="problems"/>. Cancelling interrupts the running cell and writes
    /// nothing more.
    /// </summary>
    public static async Task<NotebooksResult> RunAsync(NotebooksOptions options, TextWriter progress, TextWriter problems,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(problems);
        Check(options);
        var executed = new List<ExecutedNotebook>();
        var imagesOff = false;
        using var images = new ChartImages();
        foreach (var file in options.Files)
        {
            // A notebook that is not valid JSON or nbformat throws FormatException, located.
            var run = await NotebookRunner.RunAsync(file, options.Timeout, images, cancellation).ConfigureAwait(false);
            var destination = DestinationOf(file, options.OutputDirectory);
            AtomicFile.WriteAllText(destination, run.Notebook.ToJson());
            executed.Add(new ExecutedNotebook(file, destination, run));
            progress.WriteLine(SafeText.Escape(Summary(file, run, destination)));
            if (run.ChartImagesOff is { } reason && !imagesOff)
            {
                imagesOff = true; // said once for the whole run
                problems.WriteLine(reason);
            }
            if (run.Failure is { } failure)
            {
                return new NotebooksResult(executed, failure);
            }
        }
        return new NotebooksResult(executed, null);
    }

    private static string DestinationOf(string file, string? outputDirectory) =>
        outputDirectory is null ? file : Path.Combine(outputDirectory, Path.GetFileName(file));

    private static void Check(NotebooksOptions options)
    {
        foreach (var file in options.Files)
        {
            if (Directory.Exists(file))
            {
                throw new ArgumentException($"{file}: is a folder, not a notebook");
            }
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"{file}: no such notebook", file);
            }
        }
        if (options.OutputDirectory is not { } output)
        {
            return;
        }
        if (options.Files.GroupBy(f => Path.GetFileName(f), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new ArgumentException($"{string.Join(" and ", clash)} would all be written to " +
                $"{Path.Combine(output, clash.Key)}: run them in separate calls, or use --inplace");
        }
        if (options.Files.FirstOrDefault(f => Path.GetFullPath(DestinationOf(f, output)) == Path.GetFullPath(f)) is { } self)
        {
            throw new ArgumentException($"{self}: --out would overwrite this notebook; use --inplace to mean that");
        }
        OutputFolder.Prepare(output);
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
