using System.CommandLine;
using System.Diagnostics;
using MscAlf.Concepts;
using MscAlf.Data;
using MscAlf.Export;
using MscAlf.Text;

namespace MscAlf.Cli;

/// <summary>
/// <c>figures [--out DIR] [--format html,png,svg] [--snapshot 2021-11|2022-10] [--standalone] [--data DIR]</c>: writes every
/// figure, <c>index.html</c> and <c>manifest.json</c>; HTML pages share <c>assets/</c> unless <c>--standalone</c>.
/// </summary>
internal static class FiguresCommand
{
    public static Command Create()
    {
        var data = CliApp.DataOption();
        var output = new Option<DirectoryInfo?>("--out") { Description = "The output folder (default: results/figures)." };
        var format = new Option<string>("--format")
        {
            Description = "Comma-separated formats: html, png, svg (default: html,png,svg). PNG and SVG need Chromium.",
            DefaultValueFactory = _ => "html,png,svg",
        };
        var registry = TrialStatus.Code(StatusSnapshot.Registry2022October);
        var snapshot = new Option<string>("--snapshot")
        {
            Description = $"Status shown in panel B: {registry} (registry snapshot, default) or {TrialStatus.Code(StatusSnapshot.Derived2021November)} (derived).",
            DefaultValueFactory = _ => registry,
        };
        snapshot.AcceptOnlyFromAmong([.. TrialStatus.SnapshotCodes]);
        var standalone = new Option<bool>("--standalone")
        {
            Description = "Write each HTML page as a single file with plotly.js inline (about 3.6 MB each) instead of sharing assets/.",
        };
        var command = new Command("figures", "Write Figure 2, the evidence and the exploration figures.") { data, output, format, snapshot, standalone };
        command.SetAction(CliApp.Async((result, cancellation) =>
        {
            var formats = result.GetValue(format)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var paths = CliApp.Paths(result.GetValue(data));
            var options = new ExportOptions(result.GetValue(output)?.FullName ?? paths.ResultsFigures, formats,
                TrialStatus.ParseSnapshot(result.GetValue(snapshot)!),
                result.GetValue(standalone));
            return Task.FromResult(Run(paths.Data, options, CliApp.Out(result), cancellation));
        }));
        return command;
    }

    /// <summary>Loads the data and exports; shared with the build job. Failures throw, for the one error path in <see cref="CliApp"/>.</summary>
    public static int Run(string? dataDirectory, ExportOptions options, TextWriter stdout, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var dataset = Dataset.Load(dataDirectory);
        stdout.WriteLine($"Writing figures to {SafeText.Escape(options.OutputDirectory)} ({string.Join(", ", options.Formats)})");
        var files = FigureExporter.Export(dataset, options, stdout, cancellation);
        stdout.WriteLine($"Wrote {files.Count} files in {clock.Elapsed.TotalSeconds:0.0} s; open {SafeText.Escape(Path.Combine(options.OutputDirectory, FigureExporter.IndexName))}");
        return 0;
    }
}
