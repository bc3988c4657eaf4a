using System.CommandLine;
using System.CommandLine.Parsing;
using System.Runtime.InteropServices;
using System.Text.Json;
using MscAlf.Data;
using MscAlf.Export;
using MscAlf.IO;
using MscAlf.Text;

namespace MscAlf.Cli;

/// <summary>
/// The <c>MscAlf.Cli</c> command line: one verb per job, each in its own file, and one error path for all of them.
/// Every failure ends as located lines on standard error (control characters escaped, long values cut) and exit
/// code 1; a stack trace is printed only with the global <c>--verbose</c> option. SIGINT and SIGTERM cancel the job
/// (browsers stopped, temporary files removed) and exit with 130 or 143.
/// </summary>
public static class CliApp
{
    /// <summary>Exit code for a command that ran and found a problem (bad data, a failed step, a bad argument).</summary>
    public const int Failure = 1;

    /// <summary>Exit code after SIGINT (Ctrl+C).</summary>
    public const int Interrupted = 130;

    /// <summary>Exit code after SIGTERM.</summary>
    public const int Terminated = 143;

    /// <summary>How long a cancelled job may take to stop its browser and clean up before the process ends anyway.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Parses <paramref name="args"/> and runs the verb, writing to the given streams; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var verbose = new Option<bool>("--verbose")
        {
            Description = "On failure, also print the stack trace (and the browser log for image export).",
            Recursive = true,
        };
        var root = new RootCommand("MscAlfNotebooks: data, figures and notebooks on MSC therapy for liver failure.")
        {
            ValidateCommand.Create(),
            FiguresCommand.Create(),
            NotebooksCommand.Create(),
            BuildCommand.Create(),
            ImportCommand.Create(),
            ProductsCommand.Create(),
            DiffCommand.Create(),
            FetchCommand.Create(),
            QueryCommand.Create(),
            KernelCommand.Create(),
        };
        root.Options.Add(verbose);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                // One line per problem: the parser's own multi-line lists ("Must be one of: …") are joined.
                var oneLine = string.Join(' ', problem.Message.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
                error.WriteLine(SafeText.Message(oneLine) + " (see --help)");
            }
            return Failure;
        }
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null, // signals are handled below, so that the exit code can name them
        };
        using var stop = new CancellationTokenSource();
        var signal = 0;
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            if (Interlocked.CompareExchange(ref signal, context.Signal == PosixSignal.SIGINT ? Interrupted : Terminated, 0) == 0)
            {
                stop.Cancel();
                // The job has StopTimeout to stop its browser and clean up; then the process ends anyway (the
                // browser's exit handler still kills what is left).
                _ = Task.Delay(StopTimeout, CancellationToken.None).ContinueWith(_ => Environment.Exit(signal), TaskScheduler.Default);
            }
        }
        // The kernel owns its signals: SIGINT interrupts a cell there, it does not end the process.
        var ownsSignals = parse.CommandResult is { Command.Name: "run", Parent: CommandResult { Command.Name: "kernel" } };
        using var sigint = ownsSignals ? null : Register(PosixSignal.SIGINT, OnSignal);
        using var sigterm = ownsSignals ? null : Register(PosixSignal.SIGTERM, OnSignal);
        try
        {
            return await parse.InvokeAsync(configuration, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (signal != 0)
        {
            error.WriteLine("Interrupted: stopped the job and removed its temporary files; outputs are as they were or complete.");
            return signal;
        }
        catch (Exception ex)
        {
            return Report(ex, parse.GetValue(verbose), error);
        }
    }

    /// <summary>Prints <paramref name="message"/> (each line escaped) to <paramref name="error"/>; returns <see cref="Failure"/>.</summary>
    internal static int Fail(TextWriter error, string message)
    {
        error.WriteLine(SafeText.Message(message));
        return Failure;
    }

    /// <summary>
    /// The one place a failure becomes output: its message on <paramref name="error"/>, escaped, and the stack trace only
    /// when <paramref name="verbose"/>; returns <see cref="Failure"/>. An exception type the commands do not expect is
    /// named as a bug.
    /// </summary>
    public static int Report(Exception exception, bool verbose, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        var ex = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        error.WriteLine(SafeText.Message(Describe(ex)));
        if (verbose)
        {
            error.WriteLine(SafeText.Message(ex.ToString()));
            if (ex is BrowserJobException { BrowserLog.Length: > 0 } browser)
            {
                error.WriteLine("Browser log (end):");
                error.WriteLine(SafeText.Message(browser.BrowserLog));
            }
        }
        return Failure;
    }

    private static string Describe(Exception ex) => ex switch
    {
        // Deliberate refusals are plain ArgumentExceptions; an argument out of range or null is a bug in the code.
        ArgumentOutOfRangeException or ArgumentNullException => $"Unexpected {ex.GetType().Name}: {ex.Message} (a bug: please report it with the output of --verbose)",
        DataValidationException or BrowserNotFoundException or BrowserJobException or OutputLocationException => ex.Message,
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException => ex.Message,
        ArgumentException or FormatException or JsonException or NotSupportedException or PathTooLongException => ex.Message,
        TimeoutException or InvalidDataException or Jobs.JobFailedException or OutputRefusedException => ex.Message,
        Registry.StoreQueryException or Kernel.KernelSpecException => ex.Message,
        _ => $"Unexpected {ex.GetType().Name}: {ex.Message} (a bug: please report it with the output of --verbose)",
    };

    private static PosixSignalRegistration? Register(PosixSignal signal, Action<PosixSignalContext> handler)
    {
        try
        {
            return PosixSignalRegistration.Create(signal, handler);
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The standard output of the running invocation.</summary>
    internal static TextWriter Out(ParseResult result) => result.InvocationConfiguration.Output;

    /// <summary>The standard error of the running invocation.</summary>
    internal static TextWriter Err(ParseResult result) => result.InvocationConfiguration.Error;

    /// <summary>The largest per-cell timeout the notebook verbs accept, in seconds (a day).</summary>
    internal const int MaxTimeoutSeconds = 86_400;

    /// <summary>The shared <c>--timeout</c> option of the notebook verbs: whole seconds from 1 to a day, refused otherwise.</summary>
    internal static Option<int> TimeoutOption(string description)
    {
        var option = new Option<int>("--timeout")
        {
            Description = description,
            DefaultValueFactory = _ => (int)Notebooks.NotebookRunner.DefaultTimeout.TotalSeconds,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > MaxTimeoutSeconds)
            {
                result.AddError($"--timeout: give whole seconds from 1 to {MaxTimeoutSeconds}.");
            }
        });
        return option;
    }

    /// <summary>The project of the <c>--data</c> folder given (the folder above it), or the one <see cref="ProjectPaths.Find"/> finds.</summary>
    internal static ProjectPaths Paths(DirectoryInfo? data) => data is null ? ProjectPaths.Find() : ProjectPaths.ForData(data.FullName);

    /// <summary>The shared <c>--data</c> option: the data folder (default: the repository's <c>data/</c>).</summary>
    internal static Option<DirectoryInfo?> DataOption() =>
        new("--data") { Description = "The data folder (default: the repository's data/, or $MSCALF_DATA)." };

    /// <summary>
    /// An asynchronous action that starts on the thread pool and hands its task back at once, so that the caller
    /// can await it (and the signal handlers can cancel it) while it works.
    /// </summary>
    internal static Func<ParseResult, CancellationToken, Task<int>> Async(Func<ParseResult, CancellationToken, Task<int>> action) =>
        async (result, cancellation) =>
        {
            await Task.Yield();
            return await action(result, cancellation).ConfigureAwait(false);
        };
}
