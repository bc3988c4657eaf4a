using System.Diagnostics;
using MscAlf.Concepts;
using MscAlf.Data;
using MscAlf.Export;
using MscAlf.Jobs;

namespace MscAlf.Notebooks.Jobs;

/// <summary>
/// The build job: validates the data, runs every notebook of the project (<see cref="NotebooksJob"/>), writes every
/// figure (<see cref="FiguresJob"/>) and the static site (<see cref="Site"/>) from those results, in memory: nothing
/// written is read back. It lives beside the notebook engine, which it needs; the figures job it calls lives in the
/// library below.
/// </summary>
public static class BuildJob
{
    /// <summary>
    /// Runs the four steps, one progress line each on <paramref name="progress"/> (and the notes of the steps); a
    /// failing notebook cell ends the build with <see cref="BuildResult.Failure"/> set. Other failures throw.
    /// </summary>
    public static async Task<BuildResult> RunAsync(BuildOptions options, TextWriter progress, TextWriter problems,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var clock = Stopwatch.StartNew();
        var paths = options.Paths;
        progress.WriteLine("[1/4] Validating data");
        var dataset = Dataset.Load(paths.Data);
        progress.WriteLine($"  {dataset.Trials.Count} trials, {dataset.Preclinical.Count} preclinical and {dataset.HumanStudies.Count} human studies: valid");
        OutputFolder.Prepare(paths.Results);

        var notebooks = Directory.Exists(paths.Notebooks) ? Directory.GetFiles(paths.Notebooks, "*.ipynb").Order(StringComparer.Ordinal).ToList() : [];
        progress.WriteLine($"[2/4] Running {notebooks.Count} notebooks");
        var run = await NotebooksJob.RunAsync(new NotebooksOptions { Files = notebooks, OutputDirectory = paths.ResultsNotebooks, Timeout = options.Timeout },
            progress, problems, cancellation).ConfigureAwait(false);
        if (!run.Succeeded)
        {
            return new BuildResult(run, null, null, clock.Elapsed);
        }
        cancellation.ThrowIfCancellationRequested();

        var formats = Browser.Find() is null ? new[] { "html" } : ["html", "png", "svg"];
        progress.WriteLine($"[3/4] Writing figures ({string.Join(", ", formats)})");
        if (formats.Length == 1)
        {
            progress.WriteLine("  Chromium not found: PNG and SVG skipped (apt-get install chromium to get them); HTML figures are complete.");
        }
        var figures = FiguresJob.Export(dataset, new FiguresOptions
        {
            DataDirectory = paths.Data,
            OutputDirectory = Path.Combine(paths.ResultsSite, Site.FiguresFolder),
            Formats = formats,
            Snapshot = StatusSnapshot.Registry2022October,
            Standalone = options.Standalone,
            SharedAssetsDirectory = Path.Combine(paths.ResultsSite, Site.AssetsFolder),
            Generator = options.Generator,
        }, progress, cancellation);
        progress.WriteLine(figures.Summary);

        progress.WriteLine("[4/4] Rendering the site");
        var index = Site.Write(paths.ResultsSite, run.Notebooks, figures, options.Standalone);
        return new BuildResult(run, figures, index, clock.Elapsed);
    }
}
