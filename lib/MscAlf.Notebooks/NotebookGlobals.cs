namespace MscAlf.Notebooks;

/// <summary>
/// What notebook cells see as globals, as in .NET Interactive: <c>display(value)</c> shows a value, and
/// <c>CancellationToken</c> is cancelled when the running cell is interrupted (pass it to your own awaits).
/// </summary>
public sealed class NotebookGlobals
{
    private readonly ScriptSession _session;

    internal NotebookGlobals(ScriptSession session) => _session = session;

    /// <summary>Shows <paramref name="value"/> as a rich output of the running cell (a table, a chart, text).</summary>
    /// <returns>A handle whose <see cref="DisplayHandle.Update"/> replaces what was shown.</returns>
#pragma warning disable IDE1006 // lower-case: the name notebooks written for .NET Interactive use
    public DisplayHandle display(object? value) => _session.Display(value);
#pragma warning restore IDE1006

    /// <summary>Cancelled when the running cell is interrupted or times out.</summary>
    public CancellationToken CancellationToken => _session.CellCancellation;
}

/// <summary>A value shown with <c>display(x)</c>: update it in place, as Jupyter's update_display_data does.</summary>
public sealed class DisplayHandle
{
    private readonly ScriptSession _session;

    internal DisplayHandle(ScriptSession session, string id)
    {
        _session = session;
        Id = id;
    }

    /// <summary>The display id (Jupyter's <c>transient.display_id</c>).</summary>
    public string Id { get; }

    /// <summary>Replaces the shown output with <paramref name="value"/>.</summary>
    public void Update(object? value) => _session.UpdateDisplay(Id, value);

    /// <inheritdoc />
    public override string ToString() => $"display {Id}";
}
