namespace MscAlf.Notebooks;

/// <summary>What notebook cells see as globals, as in .NET Interactive: <c>display(value)</c> shows a value.</summary>
public sealed class NotebookGlobals
{
    private readonly Action<object?> _display;

    internal NotebookGlobals(Action<object?> display) => _display = display;

    /// <summary>Shows <paramref name="value"/> as a rich output of the running cell (a table, a chart, text).</summary>
#pragma warning disable IDE1006, CA1822 // lower-case, instance: the name and shape notebooks written for .NET Interactive use
    public void display(object? value) => _display(value);
#pragma warning restore IDE1006, CA1822
}
