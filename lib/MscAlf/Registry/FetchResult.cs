namespace MscAlf.Registry;

/// <summary>The outcome of a fetch.</summary>
/// <param name="Pages">Pages on disk, this run's and earlier runs'.</param>
/// <param name="TotalCount">The registry's totalCount, when it gave one.</param>
/// <param name="Requests">HTTP requests this run made, retries included.</param>
public sealed record FetchResult(int Pages, int? TotalCount, int Requests);
