using System.Globalization;

namespace MscAlf.Registry;

/// <summary>What <c>fetch</c> asks the registry and how politely.</summary>
public sealed record FetchOptions
{
    /// <summary>The API root (the <c>/studies</c> endpoint is below it).</summary>
    public Uri BaseUrl { get; init; } = new("https://clinicaltrials.gov/api/v2/");
    /// <summary>Condition search terms (<c>query.cond</c>).</summary>
    public string? Condition { get; init; }
    /// <summary>Intervention search terms (<c>query.intr</c>).</summary>
    public string? Intervention { get; init; }
    /// <summary>Studies per page.</summary>
    public int PageSize { get; init; } = 100;
    /// <summary>The least time between two requests (1 s: at most one request a second).</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Retries of one page before giving up.</summary>
    public int MaxRetries { get; init; } = 5;
    /// <summary>The first backoff; it doubles with each retry.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>The longest wait between retries of the exponential backoff.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>The longest wait a server's Retry-After is granted; a longer one is cut to this, and said so.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Pages allowed beyond what the registry's totalCount needs (the count may grow while paging).</summary>
    public int ExtraPages { get; init; } = 5;
    /// <summary>The most studies a query may page through when the registry gives no totalCount.</summary>
    public int MaxStudiesWithoutCount { get; init; } = 1_000_000;
    /// <summary>How long one request may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The query parameters, in a fixed order (without the page token).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters() =>
    [
        .. Condition is { } c ? [KeyValuePair.Create("query.cond", c)] : Array.Empty<KeyValuePair<string, string>>(),
        .. Intervention is { } i ? [KeyValuePair.Create("query.intr", i)] : Array.Empty<KeyValuePair<string, string>>(),
        KeyValuePair.Create("pageSize", PageSize.ToString(CultureInfo.InvariantCulture)),
        KeyValuePair.Create("countTotal", "true"),
        KeyValuePair.Create("format", "json"),
    ];
}
