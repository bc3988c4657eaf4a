namespace MscAlf.Notebooks.Jobs;

/// <summary>One notebook the notebooks job ran and wrote.</summary>
/// <param name="Source">The notebook run.</param>
/// <param name="Destination">Where its executed copy was written.</param>
/// <param name="Run">The run: the notebook with its outputs, the cell times, a failure.</param>
public sealed record ExecutedNotebook(string Source, string Destination, NotebookRun Run)
{
    /// <summary>The notebook's name without folder or extension (<c>02-figure2-trial-landscape</c>).</summary>
    public string Name => Path.GetFileNameWithoutExtension(Source);
}
