namespace MscAlf.Notebooks.Jobs;

/// <summary>What the notebooks job (<see cref="NotebooksJob"/>) runs and where it writes.</summary>
public sealed record NotebooksOptions
{
    /// <summary>The notebooks to run, in order.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>The folder to write the executed notebooks into; null writes each over its source (in place).</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>How long one cell may run.</summary>
    public TimeSpan Timeout { get; init; } = NotebookRunner.DefaultTimeout;
}
