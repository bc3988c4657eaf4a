namespace MscAlf.Jobs;

/// <summary>What the import job (<see cref="ImportJob"/>) reads and writes.</summary>
public sealed record ImportJobOptions
{
    /// <summary>The registry's bulk zip, a folder, an API v2 JSON file or a website CSV export.</summary>
    public required string Input { get; init; }

    /// <summary>The output: <c>X.duckdb</c> (a database, upserted), <c>X.csv</c> or <c>X.parquet</c>.</summary>
    public required string Output { get; init; }

    /// <summary>
    /// MSC product list files to add to the library's own (the columns of <c>lib/MscAlf/Assets/msc_products.csv</c>), so
    /// that records naming those products only by brand or code count as MSC trials.
    /// </summary>
    public IReadOnlyList<string> ProductLists { get; init; } = [];

    /// <summary>Skip invalid records, reporting each one, instead of failing.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Stops the import (an interrupt); the output is left as it was.</summary>
    public CancellationToken Cancellation { get; init; }
}
