using System.CommandLine;
using MscAlf.Concepts;
using MscAlf.Jobs;

namespace MscAlf.Cli;

/// <summary>
/// <c>figures [--out DIR] [--format html,png,svg] [--snapshot 2021-11|2022-10] [--standalone] [--data DIR]</c>: writes every
/// figure, <c>index.html</c> and <c>manifest.json</c>; HTML pages share <c>assets/</c> unless <c>--standalone</c>.
/// </summary>
internal static class FiguresCommand
{
    /// <summary>What the figures' manifest names as their writer, from this verb and from <c>build</c>.</summary>
    public const string Generator = "MscAlf.Cli figures";

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
            var paths = CliApp.Paths(result.GetValue(data));
            var options = new FiguresOptions
            {
                DataDirectory = paths.Data,
                OutputDirectory = result.GetValue(output)?.FullName ?? paths.ResultsFigures,
                Formats = result.GetValue(format)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Snapshot = TrialStatus.ParseSnapshot(result.GetValue(snapshot)!),
                Standalone = result.GetValue(standalone),
                Generator = Generator,
            };
            // Failures throw, for the one error path in CliApp.
            var figures = FiguresJob.Run(options, CliApp.Out(result), cancellation);
            CliApp.Out(result).WriteLine(figures.Summary);
            return Task.FromResult(0);
        }));
        return command;
    }
}
