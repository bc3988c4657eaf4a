namespace MscAlf.Notebooks;

/// <summary>Where and why a notebook stopped.</summary>
/// <param name="Notebook">The notebook's path.</param>
/// <param name="Cell">The 1-based number of the failing cell in the document.</param>
/// <param name="Line">The 1-based line in the cell, when known.</param>
/// <param name="Message">What went wrong.</param>
public sealed record NotebookFailure(string Notebook, int Cell, int? Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Notebook}: cell {Cell}{(Line is { } l ? $", line {l}" : "")}: {Message}";
}

/// <summary>The outcome of running a notebook.</summary>
/// <param name="Notebook">The notebook with its new outputs.</param>
/// <param name="Failure">Where it stopped, or null when every cell ran.</param>
/// <param name="CellTimes">How long each executed code cell took, in order.</param>
/// <param name="ChartImagesOff">Why the charts have no static image (Chromium missing or failing), or null when they have one.</param>
public sealed record NotebookRun(Notebook Notebook, NotebookFailure? Failure, IReadOnlyList<TimeSpan> CellTimes, string? ChartImagesOff = null)
{
    /// <summary>True when every cell ran.</summary>
    public bool Succeeded => Failure is null;
}

/// <summary>
/// Runs a notebook's C# cells top to bottom in one <see cref="ScriptSession"/>, fresh per notebook (variables carry
/// from cell to cell, as in Jupyter), and writes outputs back into the cells: stream text, displayed values, the
/// value of a cell's last expression, errors. Cells run in the notebook's folder, as in Jupyter. Stops at the first
/// failing cell. A cell that runs past the timeout is interrupted and fails the notebook.
/// </summary>
public static class NotebookRunner
{
    /// <summary>The default per-cell timeout.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(120);

    /// <summary>The longest per-cell timeout accepted (a day).</summary>
    public static TimeSpan MaxTimeout { get; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Runs the notebook at <paramref name="path"/>. Cancelling interrupts the running cell and throws
    /// <see cref="OperationCanceledException"/> (the notebook is then not complete, and the caller writes nothing).
    /// Charts get static images from Chromium, started on the first chart and ended with the run.
    /// </summary>
    public static Task<NotebookRun> RunAsync(string path, TimeSpan cellTimeout, CancellationToken cancellation = default) =>
        RunAsync(path, cellTimeout, null, cancellation);

    /// <summary>
    /// Runs the notebook at <paramref name="path"/>, its charts getting static images from <paramref name="images"/>
    /// (which the caller disposes, so a run of several notebooks can share one browser; null: a Chromium started on the
    /// first chart and ended with this notebook). Cancelling interrupts the running cell and throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<NotebookRun> RunAsync(string path, TimeSpan cellTimeout, ChartImages? images, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cellTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cellTimeout, MaxTimeout);
        var notebook = Notebook.Load(path);
        NotebookMetadata.Ensure(notebook);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var options = new CellOptions
        {
            Timeout = cellTimeout,
            NoInputReason = "Console.ReadLine: the notebook runs headless, so a cell cannot ask for input; set the value in code",
        };
        using var session = new ScriptSession(directory, images);
        using var stop = cancellation.Register(() => session.Interrupt());
        var outputs = new NotebookOutputs();
        var times = new List<TimeSpan>();
        var count = 0;
        var savedDirectory = Environment.CurrentDirectory;
        var exit = new ExitWatch(path);
        try
        {
            Environment.CurrentDirectory = directory; // as in Jupyter: relative paths start at the notebook's folder
            AppDomain.CurrentDomain.ProcessExit += exit.OnExit;
            for (var index = 0; index < notebook.Cells.Count; index++)
            {
                var cell = notebook.Cells[index];
                if (!cell.IsCode)
                {
                    continue;
                }
                cell.Outputs.Clear();
                cell.ExecutionCount = null;
                if (CellSource.Prepare(cell.Source, ShippedAssemblies.Current).IsMarkdown)
                {
                    continue;
                }
                cell.ExecutionCount = ++count;
                outputs.Begin(cell);
                exit.Cell = index + 1;
                var outcome = await session.ExecuteAsync(cell.Source, $"cell{index + 1}", outputs, options).ConfigureAwait(false);
                exit.Cell = null;
                cancellation.ThrowIfCancellationRequested();
                times.Add(outcome.Elapsed);
                if (outcome.Error is { } error)
                {
                    outputs.End(null, error);
                    return new NotebookRun(notebook, new NotebookFailure(path, index + 1, error.Line, $"{error.Name}: {error.Message}"), times,
                        session.ChartImagesOff);
                }
                outputs.End(outcome.Result is { } result ? (result, count) : null, null);
            }
            return new NotebookRun(notebook, null, times, session.ChartImagesOff);
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= exit.OnExit;
            Environment.CurrentDirectory = savedDirectory;
        }
    }

    /// <summary>Says which cell ended the process when a cell calls <c>Environment.Exit</c>.</summary>
    private sealed class ExitWatch(string path)
    {
        public int? Cell { get; set; }

        public void OnExit(object? sender, EventArgs e)
        {
            if (Cell is { } cell)
            {
                SessionConsoles.OriginalError.WriteLine(
                    $"{path}: cell {cell}: the cell ended the process (Environment.Exit); the run stopped and the notebook was not written");
                SessionConsoles.OriginalError.Flush();
            }
        }
    }
}
