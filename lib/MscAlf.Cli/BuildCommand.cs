using System.CommandLine;
using MscAlf.Notebooks;
using MscAlf.Notebooks.Jobs;

namespace MscAlf.Cli;

/// <summary>
/// <c>build [--out DIR] [--timeout S] [--standalone]</c>: the main job (<see cref="BuildJob"/>). Validates the data, runs
/// every notebook, writes every figure and a static site (<c>site/index.html</c>) linking each executed notebook, rendered
/// to HTML, and each figure. Pages share one copy of plotly.js (<c>site/assets/</c>) unless <c>--standalone</c> asks for
/// single-file pages.
/// </summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var data = CliApp.DataOption();
        var output = new Option<DirectoryInfo?>("--out") { Description = "The output folder (default: results)." };
        var timeout = CliApp.TimeoutOption($"Per-cell notebook timeout in seconds, 1 to {CliApp.MaxTimeoutSeconds} (default {NotebookRunner.DefaultTimeout.TotalSeconds:0}).");
        var standalone = new Option<bool>("--standalone")
        {
            Description = "Write every page as a single file with plotly.js inline (about 3.6 MB each) instead of sharing site/assets/.",
        };
        var command = new Command("build", "Validate the data, run every notebook, write every figure and the static site.") { data, output, timeout, standalone };
        command.SetAction(CliApp.Async(async (result, cancellation) =>
        {
            var paths = CliApp.Paths(result.GetValue(data));
            var options = new BuildOptions
            {
                Paths = result.GetValue(output) is { } folder ? paths with { Results = folder.FullName } : paths,
                Timeout = TimeSpan.FromSeconds(result.GetValue(timeout)),
                Standalone = result.GetValue(standalone),
                Generator = FiguresCommand.Generator,
            };
            // Failures throw, for the one error path in CliApp; a failing notebook cell is the build's result.
            var build = await BuildJob.RunAsync(options, CliApp.Out(result), CliApp.Err(result), cancellation).ConfigureAwait(false);
            if (build.Failure is { } failure)
            {
                return CliApp.Fail(CliApp.Err(result), failure.ToString());
            }
            CliApp.Out(result).WriteLine(build.Summary);
            return 0;
        }));
        return command;
    }
}
