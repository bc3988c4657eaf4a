using MscAlf.Concepts;

namespace MscAlf.Registry;

/// <summary>How an import runs and where it reports.</summary>
public sealed record ImportOptions
{
    /// <summary>Skip invalid records (each reported on <see cref="Progress"/>) instead of failing.</summary>
    public bool SkipInvalid { get; init; }
    /// <summary>Where progress, notes and skipped records go.</summary>
    public TextWriter Progress { get; init; } = TextWriter.Null;
    /// <summary>Where the errors of a failing import go.</summary>
    public TextWriter Problems { get; init; } = TextWriter.Null;
    /// <summary>The MSC product list the MSC source classifier reads (default: the library's own; a user's list adds to it).</summary>
    public MscProductList Products { get; init; } = MscProductList.Builtin;
    /// <summary>Threads that parse and classify (default: every core).</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;
    /// <summary>The most memory DuckDB may use before it spills to disk.</summary>
    public string MemoryLimit { get; init; } = RegistryImporter.MemoryLimit;
    /// <summary>The most invalid records a failing import lists before it only counts them.</summary>
    public int MaxListed { get; init; } = 50;
    /// <summary>
    /// Stops the import (an interrupt): it ends with <see cref="OperationCanceledException"/> and leaves the output as it
    /// was, as a failure does.
    /// </summary>
    public CancellationToken Cancellation { get; init; }
}
