using MscAlf.IO;

namespace MscAlf.Notebooks.Jobs;

/// <summary>What the build job (<see cref="BuildJob"/>) reads and where it writes.</summary>
public sealed record BuildOptions
{
    /// <summary>The project: its data, its notebooks, and the results folder the build writes (<c>notebooks/</c>, <c>site/</c>).</summary>
    public required ProjectPaths Paths { get; init; }

    /// <summary>How long one notebook cell may run.</summary>
    public TimeSpan Timeout { get; init; } = NotebookRunner.DefaultTimeout;

    /// <summary>True for single-file pages (plotly.js inline in each) instead of pages sharing <c>site/assets/</c>.</summary>
    public bool Standalone { get; init; }

    /// <summary>What the figures' manifest names as its writer.</summary>
    public string Generator { get; init; } = "MscAlf build job";
}
