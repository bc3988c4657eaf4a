using MscAlf.Registry;

namespace MscAlf.Jobs;

/// <summary>What the fetch job did: the pages it fetched, then their import.</summary>
/// <param name="Fetch">Pages on disk, the registry's count and this run's requests.</param>
/// <param name="Import">The import of the pages into <c>trials.csv</c>.</param>
public sealed record FetchJobResult(FetchResult Fetch, ImportJobResult Import);
