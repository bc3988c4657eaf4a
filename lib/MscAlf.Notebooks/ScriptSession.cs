using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace MscAlf.Notebooks;

/// <summary>
/// One C# session on Roslyn scripting: the engine under both the headless runner and the Jupyter kernel. Cells run
/// one after another and share variables; <c>#r "nuget: …"</c> resolves against the packages the process ships;
/// <c>display(x)</c> and a cell's last expression give rich MIME bundles; console text goes to the running cell.
/// A cell can be interrupted: checks written into its loops and bodies (see <see cref="CellRewriter"/>) stop it
/// within milliseconds with its variables kept, and a cell blocked where no check runs is reported as such.
/// One session at a time owns the process's console while a cell runs.
/// </summary>
public sealed partial class ScriptSession : IDisposable
{
    /// <summary>Console text a cell may write before the rest is cut (and counted).</summary>
    public const int MaxStreamCharacters = 1_000_000;

    /// <summary>How long an interrupted cell gets to stop before it is reported as blocked.</summary>
    public static TimeSpan InterruptGrace { get; } = TimeSpan.FromSeconds(2);

    private static readonly CSharpParseOptions ScriptParse = CSharpParseOptions.Default.WithKind(SourceCodeKind.Script)
        .WithLanguageVersion(LanguageVersion.Latest);

    private readonly int _slot = CellGuard.Register();
    private readonly Lock _gate = new();
    private readonly ScriptOptions _options;
    private readonly ScriptOptions _continuation;
    private readonly NotebookGlobals _globals;
    private readonly Lock _formatting = new();
    private readonly RichOutput _rich;
    private readonly ShippedAssemblies _shipped = ShippedAssemblies.Current;
    private Task<ScriptState<object>>? _start;
    private ScriptState<object>? _state;
    private CellConsole? _console;
    private Running? _running;
    private bool _executing;
    private bool _interruptPending;
    private int _displays;
    private bool _disposed;

    /// <summary>
    /// Creates a session whose <c>#r</c> and <c>#load</c> paths start at <paramref name="directory"/>; its charts get
    /// static images from <paramref name="images"/> (kept and disposed by the caller), or by default from a Chromium
    /// the session starts on its first chart and ends when it is disposed.
    /// </summary>
    public ScriptSession(string directory, ChartImages? images = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory = Path.GetFullPath(directory);
        _rich = new RichOutput(images);
        _globals = new NotebookGlobals(this);
        _options = ScriptOptions.Default
            .WithReferences(ScriptReferences.Defaults)
            .WithImports("System", "System.IO", "System.Linq", "System.Text", "System.Collections.Generic", "System.Threading.Tasks")
            .WithMetadataResolver(new NotebookReferenceResolver(Directory, _shipped))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(Directory))
            .WithEmitDebugInformation(true)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithFileEncoding(Encoding.UTF8);
        // A later cell inherits its references from the cell before. Naming them again in every cell made Roslyn bind
        // them anew per cell: measured over 300 trivial cells, 99 MB of managed memory kept instead of 28 MB.
        _continuation = _options.WithReferences(Array.Empty<MetadataReference>());
        SessionConsoles.Install();
    }

    /// <summary>The folder relative <c>#r</c> and <c>#load</c> paths start from.</summary>
    public string Directory { get; }

    /// <summary>The imports every cell starts with.</summary>
    public IReadOnlyList<string> Imports => _options.Imports;

    /// <summary>The script of the last cell that compiled (earlier cells chained behind it), for completion and help.</summary>
    public Script? LastScript => Volatile.Read(ref _state)?.Script;

    /// <summary>The options a cell after the first compiles with (the references come from the cells before).</summary>
    public ScriptOptions Options => _continuation;

    /// <summary>Why this session's charts have no static image (Chromium missing or failing), or null while they have one.</summary>
    public string? ChartImagesOff => _rich.Images.Off;

    /// <summary>The running cell's cancellation token (cancelled on interrupt), or none between cells.</summary>
    internal CancellationToken CellCancellation => _running?.Cancellation.Token ?? CancellationToken.None;

    /// <summary>Compiles and runs an empty first submission, so the first real cell starts warm. Safe to call twice.</summary>
    public Task StartAsync()
    {
        lock (_gate)
        {
            return _start ??= Task.Run(async () =>
            {
                var state = await CSharpScript.Create<object>("", _options, typeof(NotebookGlobals)).RunAsync(_globals).ConfigureAwait(false);
                Volatile.Write(ref _state, state);
                // Warm the path every cell takes (continue, compile, run) without keeping the result.
                await state.Script.ContinueWith<object>("1 + 1", _continuation).RunFromAsync(state).ConfigureAwait(false);
                return state;
            });
        }
    }

    /// <summary>
    /// Runs one cell. <paramref name="label"/> names it in errors and stack traces (<c>cell3</c>, <c>In[3]</c>).
    /// Never throws for the cell's own faults: they come back as <see cref="CellOutcome.Error"/>.
    /// </summary>
    public async Task<CellOutcome> ExecuteAsync(string source, string label, ICellOutput output, CellOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_disposed, this);
        options ??= new CellOptions();
        var clock = Stopwatch.StartNew();
        lock (_gate)
        {
            (_executing, _interruptPending) = (true, false);
        }
        try
        {
            return await PrepareAndRunAsync(source, label, output, options, clock).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                (_executing, _interruptPending, _running) = (false, false, null);
            }
        }
    }

    private async Task<CellOutcome> PrepareAndRunAsync(string source, string label, ICellOutput output, CellOptions options, Stopwatch clock)
    {
        var prepared = CellSource.Prepare(source, _shipped);
        if (prepared.IsMarkdown)
        {
            return new CellOutcome(null, null, clock.Elapsed);
        }
        if (prepared.Problem is { } problem)
        {
            return Failed("UnsupportedCell", problem, null, clock);
        }
        await StartAsync().ConfigureAwait(false);
        var (script, compileError) = Compile(prepared.Code, label);
        if (compileError is not null)
        {
            return compileError with { Elapsed = clock.Elapsed };
        }
        var running = new Running(); // not disposed: a cell left blocked may still hold its token
        var console = new CellConsole(output, options, MaxStreamCharacters, running.Cancellation.Token);
        lock (_gate)
        {
            if (_interruptPending)
            {
                // Interrupted while it was still compiling (or waiting for the first warm-up): it never starts.
                return Failed(StopMessage(StopReason.Interrupt, options).Name, "the cell was interrupted before it started", null, clock);
            }
            _running = running;
            _console = console;
        }
        SessionConsoles.Active = console;
        CellGuard.SetStop(_slot, false);
        try
        {
            return await RunAsync(script!, label, options, running, clock).ConfigureAwait(false);
        }
        finally
        {
            console.Close();
        }
    }

    /// <summary>
    /// Asks the cell being executed to stop (one still compiling never starts); false when no cell is being executed.
    /// </summary>
    public bool Interrupt()
    {
        lock (_gate)
        {
            if (_running is { } running)
            {
                running.Stop.TrySetResult();
                return true;
            }
            _interruptPending = _executing;
            return _executing;
        }
    }

    private async Task<CellOutcome> RunAsync(Script<object> script, string label, CellOptions options, Running running, Stopwatch clock)
    {
        var before = _state!;
        // Roslyn runs a cell synchronously up to its first await: start it on a pool thread so this one can watch it.
        var run = Task.Run(() => script.RunFromAsync(before, catchException: _ => true));
        using var timer = new CancellationTokenSource();
        var timeout = options.Timeout is { } limit ? Task.Delay(limit, timer.Token) : Task.Delay(Timeout.Infinite, timer.Token);
        var first = await Task.WhenAny(run, running.Stop.Task, timeout).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        StopReason? reason = first == run ? null : first == timeout ? StopReason.Timeout : StopReason.Interrupt;
        if (reason is not null)
        {
            CellGuard.SetStop(_slot, true);
            await running.Cancellation.CancelAsync().ConfigureAwait(false);
            if (await Task.WhenAny(run, Task.Delay(InterruptGrace)).ConfigureAwait(false) != run)
            {
                return Failed(StopMessage(reason.Value, options).Name, Blocked(reason.Value, options), null, clock);
            }
        }
        ScriptState<object> state;
        try
        {
            state = await run.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Failed(ex, label, clock);
        }
        Volatile.Write(ref _state, state);
        if (state.Exception is { } error)
        {
            return reason is { } stopped && error is OperationCanceledException
                ? Stopped(stopped, options, error, label, clock)
                : Failed(error, label, clock);
        }
        var result = state.ReturnValue is null or DisplayHandle ? null : Format(state.ReturnValue);
        return new CellOutcome(result, null, clock.Elapsed);
    }

    private (Script<object>? Script, CellOutcome? Error) Compile(string code, string label)
    {
        var options = _continuation.WithFilePath(label + ".csx");
        var previous = _state!.Script;
        var tree = CSharpSyntaxTree.ParseText(code, ScriptParse);
        if (!tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            var guarded = previous.ContinueWith<object>(CellRewriter.Rewrite(tree, _slot), options);
            if (!guarded.Compile().Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                return (guarded, null);
            }
        }
        // Errors are reported on the cell as written (and a cell the checks would break still runs, unchecked).
        var plain = previous.ContinueWith<object>(code, options);
        var errors = plain.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count == 0)
        {
            return (plain, null);
        }
        var first = errors[0];
        var line = first.Location.GetLineSpan().StartLinePosition.Line + 1;
        var message = first.GetMessage(CultureInfo.InvariantCulture);
        return (null, new CellOutcome(null, new CellError("CompilationError", message, line,
            [$"CompilationError: {message}", .. errors.Select(CellErrors.Describe)]), TimeSpan.Zero));
    }

    internal DisplayHandle Display(object? value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var (console, bundle, id) = Prepare(value, null);
        console?.Output.Display(bundle, id);
        return new DisplayHandle(this, id);
    }

    internal void UpdateDisplay(string id, object? value)
    {
        var (console, bundle, _) = Prepare(value, id);
        console?.Output.UpdateDisplay(bundle, id);
    }

    private (CellConsole? Console, JsonObject Bundle, string Id) Prepare(object? value, string? id)
    {
        var bundle = Format(value);
        lock (_gate)
        {
            return (_console, bundle, id ?? $"display-{++_displays}");
        }
    }

    /// <summary>
    /// Formats a value under its own lock (a chart's image may take a moment, and interrupts must not wait for it);
    /// when the chart images have just gone off, the running cell says why, once per session, on stderr.
    /// </summary>
    private JsonObject Format(object? value)
    {
        JsonObject bundle;
        string? note;
        lock (_formatting)
        {
            bundle = _rich.Format(value);
            note = _rich.Images.TakeNote();
        }
        if (note is not null)
        {
            CellConsole? console;
            lock (_gate)
            {
                console = _console;
            }
            console?.Write("stderr", note + "\n");
        }
        return bundle;
    }

    private static CellOutcome Failed(string name, string message, int? line, Stopwatch clock) =>
        new(null, new CellError(name, message, line, [$"{name}: {message}"]), clock.Elapsed);

    private static CellOutcome Failed(Exception error, string label, Stopwatch clock)
    {
        var shown = CellErrors.Unwrap(error);
        return new(null, new CellError(shown.GetType().Name, shown.Message, CellErrors.LineOf(shown, label), CellErrors.Traceback(shown)), clock.Elapsed);
    }

    private static CellOutcome Stopped(StopReason reason, CellOptions options, Exception error, string label, Stopwatch clock)
    {
        var (name, message) = StopMessage(reason, options);
        var traceback = CellErrors.Traceback(error);
        traceback[0] = $"{name}: {message}";
        return new(null, new CellError(name, message, CellErrors.LineOf(error, label), traceback), clock.Elapsed);
    }

    private static (string Name, string Message) StopMessage(StopReason reason, CellOptions options) =>
        reason == StopReason.Timeout
            ? ("TimeoutError", string.Create(CultureInfo.InvariantCulture, $"the cell ran for more than {options.Timeout!.Value.TotalSeconds:0.###} s and was stopped"))
            : (nameof(CellInterruptedException), "the cell was interrupted");

    private static string Blocked(StopReason reason, CellOptions options) =>
        (reason == StopReason.Timeout
            ? string.Create(CultureInfo.InvariantCulture, $"the cell ran for more than {options.Timeout!.Value.TotalSeconds:0.###} s and ")
            : "the cell was interrupted but ") +
        string.Create(CultureInfo.InvariantCulture, $"did not stop within {InterruptGrace.TotalSeconds:0} s: it is blocked where no interrupt check runs ") +
        "(Thread.Sleep, a blocking read, a long library call, an await without the cell's CancellationToken). It may still be running; restart the kernel " +
        "to stop it. Variables keep the values they had before this cell.";

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        Interrupt();
        CellGuard.Release(_slot);
        SessionConsoles.Leave(_console);
        _rich.Dispose();
    }

    private enum StopReason
    {
        Interrupt,
        Timeout,
    }

    /// <summary>The running cell's stop signal and cancellation.</summary>
    private sealed class Running
    {
        public TaskCompletionSource Stop { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenSource Cancellation { get; } = new();
    }
}
