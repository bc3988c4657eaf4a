namespace MscAlf.Jobs;

/// <summary>What the products job (<see cref="ProductsJob"/>) reads and writes.</summary>
public sealed record ProductsJobOptions
{
    /// <summary>The registry's bulk zip, a folder, an API v2 JSON file or a website CSV export.</summary>
    public required string Input { get; init; }

    /// <summary>The candidates, a CSV file in the columns of a product list.</summary>
    public required string Output { get; init; }

    /// <summary>Product lists whose names are known already (added to the library's own) and are left out.</summary>
    public IReadOnlyList<string> ProductLists { get; init; } = [];

    /// <summary>Skip records that cannot be read, reporting each one, instead of failing.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Stops the job (an interrupt); the output is left as it was.</summary>
    public CancellationToken Cancellation { get; init; }
}
