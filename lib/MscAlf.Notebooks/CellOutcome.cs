using System.Text.Json.Nodes;

namespace MscAlf.Notebooks;

/// <summary>Why a cell did not complete: a compile error, an exception, an interrupt or a timeout.</summary>
/// <param name="Name">The error's name: an exception type, <c>CompilationError</c>, <c>TimeoutError</c>, <c>UnsupportedCell</c>.</param>
/// <param name="Message">What went wrong.</param>
/// <param name="Line">The 1-based line in the cell, when known.</param>
/// <param name="Traceback">The lines a notebook shows under the error (the first repeats name and message).</param>
public sealed record CellError(string Name, string Message, int? Line, IReadOnlyList<string> Traceback);

/// <summary>What running one cell gave.</summary>
/// <param name="Result">The MIME bundle of the cell's last expression, or null when it has none (or it is void or null).</param>
/// <param name="Error">Why the cell failed, or null when it ran to the end.</param>
/// <param name="Elapsed">How long the cell took.</param>
public sealed record CellOutcome(JsonObject? Result, CellError? Error, TimeSpan Elapsed)
{
    /// <summary>True when the cell ran to its end.</summary>
    public bool Succeeded => Error is null;
}

/// <summary>
/// Where a running cell's outputs go as they happen: the headless runner collects them into the notebook, the kernel
/// publishes them to its clients. Calls may come from any thread the cell's code uses.
/// </summary>
public interface ICellOutput
{
    /// <summary>Text written to <c>stdout</c> or <c>stderr</c>.</summary>
    void Stream(string name, string text);

    /// <summary>A value shown with <c>display(x)</c>, as a MIME bundle, with the id its handle updates.</summary>
    void Display(JsonObject bundle, string displayId);

    /// <summary>A new MIME bundle for the output shown earlier under <paramref name="displayId"/>.</summary>
    void UpdateDisplay(JsonObject bundle, string displayId);
}

/// <summary>How one cell runs.</summary>
public sealed record CellOptions
{
    /// <summary>Stop the cell after this long (null: no limit, as in an interactive session).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Answers <c>Console.ReadLine</c> (prompt, is-password, cancellation) when the client can ask its user; null
    /// when it cannot, and reading input is then an error that says so.
    /// </summary>
    public Func<string, bool, CancellationToken, string>? Input { get; init; }

    /// <summary>
    /// Keep sending console text that arrives after the cell ended (from threads it started) to its output, as
    /// Jupyter kernels do; false drops it, so a written notebook never changes under the runner.
    /// </summary>
    public bool LateOutput { get; init; }

    /// <summary>Why input cannot be read when <see cref="Input"/> is null.</summary>
    public string NoInputReason { get; init; } = "this cell cannot read input: the client does not accept it";
}
