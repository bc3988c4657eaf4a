namespace MscAlf.Notebooks.Jobs;

/// <summary>What the notebooks job did: the notebooks written, in order, and where the run stopped if it did.</summary>
/// <param name="Notebooks">Every notebook run and written, the failing one last.</param>
/// <param name="Failure">The failing cell, or null when every notebook ran.</param>
public sealed record NotebooksResult(IReadOnlyList<ExecutedNotebook> Notebooks, NotebookFailure? Failure)
{
    /// <summary>True when every notebook ran to the end.</summary>
    public bool Succeeded => Failure is null;
}
