using MscAlf.Registry;

namespace MscAlf.Jobs;

/// <summary>What the fetch job (<see cref="FetchJob"/>) asks the registry and where it keeps the answer.</summary>
public sealed record FetchJobOptions
{
    /// <summary>The query and how politely to page through it.</summary>
    public required FetchOptions Query { get; init; }

    /// <summary>
    /// The folder for the pages (<c>pages/</c>), the state and query log, and the imported <c>trials.csv</c>. Rerunning
    /// with the same query resumes an interrupted fetch.
    /// </summary>
    public required string Directory { get; init; }

    /// <summary>
    /// MSC product list files to add to the library's own when the pages are imported (as
    /// <see cref="ImportJobOptions.ProductLists"/>). They are checked before anything is fetched.
    /// </summary>
    public IReadOnlyList<string> ProductLists { get; init; } = [];
}
