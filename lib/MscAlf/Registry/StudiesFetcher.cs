using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MscAlf.IO;

namespace MscAlf.Registry;

/// <summary>
/// Pages through the API v2 <c>/studies</c> endpoint into a folder: each page's raw JSON as <c>pages/page-NNNN.json</c>,
/// the progress in <c>fetch-state.json</c> (after every page, so an interrupted run resumes where it stopped without
/// fetching a page twice) and, at the end, <c>query-log.json</c> (URL, parameters, date, totalCount, pages). All files
/// are written atomically. Requests are throttled; 429 (honouring Retry-After), 5xx, timeouts, dropped connections
/// and broken bodies are retried with exponential backoff.
/// </summary>
public sealed partial class StudiesFetcher(HttpClient http, FetchOptions options, TextWriter progress)
{
    /// <summary>The progress file.</summary>
    public const string StateFile = "fetch-state.json";

    /// <summary>The query log.</summary>
    public const string LogFile = "query-log.json";

    /// <summary>The folder of the fetched pages, one JSON file each.</summary>
    public const string PagesFolder = "pages";

    private DateTime _lastRequest = DateTime.MinValue;
    private int _requests;

    /// <summary>Fetches every page into <paramref name="directory"/>, resuming an earlier run of the same query.</summary>
    /// <remarks>
    /// It stops with an error, keeping the pages fetched, when the registry hands back a page token it gave before (a
    /// cycle that would page for ever), when it needs more pages than its own totalCount allows (with
    /// <see cref="FetchOptions.ExtraPages"/> to spare), or when a page is not a studies page.
    /// </remarks>
    public async Task<FetchResult> FetchAsync(string directory, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(Path.Combine(directory, PagesFolder));
        var state = LoadState(directory);
        var pages = state["pages"]!.AsArray();
        if (pages.Count > 0)
        {
            progress.WriteLine($"  resuming after {pages.Count} page(s) already fetched");
        }
        var seen = pages.Select(p => (string?)p!["pageToken"]).OfType<string>().ToHashSet(StringComparer.Ordinal);
        while (!(bool)state["complete"]!)
        {
            var token = (string?)state["nextPageToken"];
            var index = pages.Count + 1;
            if (index > MaxPages(state))
            {
                throw new FetchException($"page {index}: the registry's totalCount is {state["totalCount"]?.ToJsonString() ?? "missing"}, " +
                    $"which needs at most {MaxPages(state) - options.ExtraPages} page(s) of {options.PageSize}; stopped after {pages.Count} page(s) rather than page on. The pages fetched are kept.");
            }
            var (body, json) = await GetPageAsync(token, index, cancellation).ConfigureAwait(false);
            var next = Token(json, index);
            if (next is not null && (next == token || !seen.Add(next)))
            {
                throw new FetchException($"page {index}: the registry handed back page token '{IO.Located.Value(next)}', which it gave before (a cycle); " +
                    $"stopped after {index} page(s) rather than page for ever. The pages fetched are kept.");
            }
            var file = $"{PagesFolder}/page-{index:D4}.json";
            AtomicFile.WriteAllText(Path.Combine(directory, file), body);
            var studies = json["studies"]!.AsArray().Count;
            pages.Add(new JsonObject { ["file"] = file, ["pageToken"] = token, ["studies"] = studies });
            state["totalCount"] ??= json["totalCount"] is JsonValue total && total.TryGetValue<int>(out var count) && count >= 0 ? count : null;
            state["nextPageToken"] = next;
            state["complete"] = next is null;
            SaveState(directory, state);
            progress.WriteLine($"  page {index}: {studies} studies{(next is null ? " (last)" : "")}");
        }
        WriteLog(directory, state);
        return new FetchResult(pages.Count, (int?)state["totalCount"], _requests);
    }

    private int MaxPages(JsonObject state)
    {
        var total = (int?)state["totalCount"] ?? options.MaxStudiesWithoutCount;
        return (int)Math.Min(int.MaxValue, ((long)total + options.PageSize - 1) / options.PageSize + options.ExtraPages);
    }

    private static string? Token(JsonObject page, int index) =>
        page["nextPageToken"] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text.Length == 0 ? null : text,
            var other => throw new FetchException($"page {index}: nextPageToken is {IO.Located.Value(other.ToJsonString())}, not a string; the registry's answer is not a studies page"),
        };

    private async Task<(string Body, JsonObject Json)> GetPageAsync(string? token, int index, CancellationToken cancellation)
    {
        var url = Url(token);
        for (var attempt = 1; ; attempt++)
        {
            await ThrottleAsync(cancellation).ConfigureAwait(false);
            TimeSpan? retryAfter = null;
            string problem;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                timeout.CancelAfter(options.RequestTimeout);
                _requests++;
                using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode && Parse(body) is { } json)
                {
                    return (body, json);
                }
                if (response.IsSuccessStatusCode)
                {
                    problem = "a broken body (not a complete studies page)";
                }
                else if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
                {
                    problem = $"HTTP {(int)response.StatusCode}";
                    retryAfter = RetryAfter(response);
                }
                else
                {
                    throw new FetchException($"{url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}; not retried");
                }
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                problem = $"no answer within {options.RequestTimeout.TotalSeconds:0.#} s";
            }
            catch (HttpRequestException ex)
            {
                problem = $"a broken connection ({ex.Message})";
            }
            if (attempt > options.MaxRetries)
            {
                throw new FetchException($"page {index} ({url}): {problem}; gave up after {options.MaxRetries} retries. Run again to resume.");
            }
            var wait = retryAfter ?? Backoff(attempt);
            if (wait > options.MaxRetryAfter)
            {
                progress.WriteLine($"  page {index}: the server asked to wait {wait.TotalSeconds:0} s (Retry-After); waiting {options.MaxRetryAfter.TotalSeconds:0} s, the cap");
                wait = options.MaxRetryAfter;
            }
            progress.WriteLine($"  page {index}: {problem}; retry {attempt} of {options.MaxRetries} in {wait.TotalSeconds:0.##} s");
            await Task.Delay(wait, cancellation).ConfigureAwait(false);
        }
    }

    private Uri Url(string? token)
    {
        var parameters = options.Parameters().ToList();
        if (token is not null)
        {
            parameters.Add(KeyValuePair.Create("pageToken", token));
        }
        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return new Uri(options.BaseUrl, "studies?" + query);
    }

    private async Task ThrottleAsync(CancellationToken cancellation)
    {
        var wait = _lastRequest + options.MinInterval - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellation).ConfigureAwait(false);
        }
        _lastRequest = DateTime.UtcNow;
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = options.BaseBackoff * Math.Pow(2, attempt - 1);
        return delay > options.MaxBackoff ? options.MaxBackoff : delay;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero,
            _ => null,
        };

    private static JsonObject? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject json && json["studies"] is JsonArray ? json : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private JsonObject LoadState(string directory)
    {
        var path = Path.Combine(directory, StateFile);
        var query = new JsonObject(options.Parameters().Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        query["baseUrl"] = options.BaseUrl.ToString();
        if (!File.Exists(path))
        {
            return new JsonObject { ["query"] = query, ["pages"] = new JsonArray(), ["nextPageToken"] = null, ["complete"] = false, ["totalCount"] = null };
        }
        var saved = ReadState(path);
        if (!JsonNode.DeepEquals(saved["query"], query))
        {
            throw new FetchException($"{path} holds a different query ({IO.Located.Value(saved["query"]!.ToJsonString())}); use another --out folder.");
        }
        RefetchMissingPages(directory, saved);
        return saved;
    }

    /// <summary>The saved state, checked: a damaged file is an error that says how to start over, not a crash.</summary>
    private static JsonObject ReadState(string path)
    {
        string problem;
        try
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is JsonObject state && state["query"] is JsonObject
                && state["pages"] is JsonArray pages && pages.All(p => p is JsonObject page && page["file"] is JsonValue file
                    && file.TryGetValue<string>(out var name) && PageFile().IsMatch(name) && page["studies"] is JsonValue count && count.TryGetValue<int>(out _) && (page["pageToken"] is null || page["pageToken"] is JsonValue t && t.TryGetValue<string>(out _)))
                && state["complete"] is JsonValue complete && complete.TryGetValue<bool>(out _)
                && (state["nextPageToken"] is null || state["nextPageToken"] is JsonValue n && n.TryGetValue<string>(out _))
                && (state["totalCount"] is null || state["totalCount"] is JsonValue c && c.TryGetValue<int>(out _)))
            {
                return state;
            }
            problem = "its fields are not those fetch writes";
        }
        catch (JsonException ex)
        {
            problem = $"not valid JSON: {IO.Located.Value(ex.Message)}";
        }
        throw new FetchException($"{path}: not a fetch state file ({problem}); delete it to start the fetch over.");
    }

    /// <summary>A page file deleted since an earlier run is fetched again, with every page after it.</summary>
    private void RefetchMissingPages(string directory, JsonObject state)
    {
        var pages = state["pages"]!.AsArray();
        var missing = pages.Select((p, i) => (File: (string)p!["file"]!, Index: i)).FirstOrDefault(p => !File.Exists(Path.Combine(directory, p.File)));
        if (missing.File is null)
        {
            return;
        }
        progress.WriteLine($"  {missing.File} is missing; fetching again from page {missing.Index + 1}");
        state["nextPageToken"] = (string?)pages[missing.Index]!["pageToken"];
        state["complete"] = false;
        while (pages.Count > missing.Index)
        {
            File.Delete(Path.Combine(directory, (string)pages[^1]!["file"]!));
            pages.RemoveAt(pages.Count - 1);
        }
        File.Delete(Path.Combine(directory, LogFile));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^pages/page-[0-9]{4,}\\.json$")]
    private static partial System.Text.RegularExpressions.Regex PageFile();

    private static void SaveState(string directory, JsonObject state) =>
        AtomicFile.WriteAllText(Path.Combine(directory, StateFile), state.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

    private void WriteLog(string directory, JsonObject state)
    {
        var log = new JsonObject
        {
            ["url"] = new Uri(options.BaseUrl, "studies").ToString(),
            ["parameters"] = state["query"]!.DeepClone(),
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["totalCount"] = state["totalCount"]?.DeepClone(),
            ["pages"] = state["pages"]!.DeepClone(),
            ["studies"] = state["pages"]!.AsArray().Sum(p => (int)p!["studies"]!),
        };
        AtomicFile.WriteAllText(Path.Combine(directory, LogFile), log.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
