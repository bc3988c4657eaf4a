using System.CommandLine;

namespace MscAlf.Cli;

/// <summary>The <c>MscAlf.Cli</c> command line: one verb per job, each in its own file.</summary>
public static class CliApp
{
    /// <summary>Exit code for a command that ran and found a problem (bad data, a failed step).</summary>
    public const int Failure = 1;

    /// <summary>Parses <paramref name="args"/> and runs the verb, writing to the given streams; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("MscAlfNotebooks: data, figures and notebooks on MSC therapy for liver failure.")
        {
            ValidateCommand.Create(),
            FiguresCommand.Create(),
            NotebooksCommand.Create(),
            BuildCommand.Create(),
            ImportCommand.Create(),
            DiffCommand.Create(),
            FetchCommand.Create(),
            QueryCommand.Create(),
            KernelCommand.Create(),
        };
        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        if (parsed.CommandResult.Command is { Name: "run", Parents: var parents } && parents.Any(p => p.Name == "kernel"))
        {
            // SIGINT is Jupyter's "interrupt the cell" for the kernel: no handler that ends the process on it.
            configuration.ProcessTerminationTimeout = null;
        }
        return parsed.InvokeAsync(configuration);
    }

    /// <summary>The standard output of the running invocation.</summary>
    internal static TextWriter Out(ParseResult result) => result.InvocationConfiguration.Output;

    /// <summary>The standard error of the running invocation.</summary>
    internal static TextWriter Err(ParseResult result) => result.InvocationConfiguration.Error;

    /// <summary>The shared <c>--data</c> option: the data folder (default: the repository's <c>data/</c>).</summary>
    internal static Option<DirectoryInfo?> DataOption() =>
        new("--data") { Description = "The data folder (default: the repository's data/, or $MSCALF_DATA)." };
}
