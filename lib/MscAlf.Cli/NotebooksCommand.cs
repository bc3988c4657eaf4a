using System.CommandLine;
using MscAlf.IO;
using MscAlf.Notebooks;
using MscAlf.Notebooks.Jobs;

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
            var options = new NotebooksOptions
            {
                Files = [.. result.GetValue(files)!.Select(f => f.FullName)],
                OutputDirectory = result.GetValue(inplace) ? null : (result.GetValue(output)?.FullName ?? ProjectPaths.FindOrWorkingDirectory().ResultsNotebooks),
                Timeout = TimeSpan.FromSeconds(result.GetValue(timeout)),
            };
            var executed = await NotebooksJob.RunAsync(options, CliApp.Out(result), CliApp.Err(result), cancellation).ConfigureAwait(false);
            return executed.Failure is { } failure ? CliApp.Fail(CliApp.Err(result), failure.ToString()) : 0;
        }));
        return new Command("notebooks", "Work with the C# notebooks.") { run };
    }
}
