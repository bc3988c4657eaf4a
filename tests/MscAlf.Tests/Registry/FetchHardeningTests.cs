using System.Text.Json.Nodes;
using MscAlf.Registry;

namespace MscAlf.Tests.Registry;

/// <summary>
/// fetch against servers that misbehave: a page token repeated or cycling, more pages than totalCount allows, an
/// absurd Retry-After, a non-string token, a damaged state file, a page file deleted before a resume.
/// </summary>
public sealed class FetchHardeningTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("mscalf-fetch-hard-").FullName;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_out, recursive: true);
    }

    /// <summary>Pages of one fixture study each; <paramref name="next"/>[i] is page i+1's nextPageToken (null: last).</summary>
    private static List<string> Pages(int? totalCount, params JsonNode?[] next)
    {
        var studies = Fixtures.JsonFiles.Select(f => JsonNode.Parse(File.ReadAllText(f))!).ToList();
        return [.. next.Select((token, i) =>
        {
            var page = new JsonObject { ["studies"] = new JsonArray(studies[i % studies.Count].DeepClone()) };
            if (i == 0 && totalCount is { } total)
            {
                page["totalCount"] = total;
            }
            if (token is not null)
            {
                page["nextPageToken"] = token.DeepClone();
            }
            return page.ToJsonString();
        })];
    }

    private Task<FetchResult> FetchAsync(FaultServer server, TextWriter? progress = null, int extraPages = 5, TimeSpan? maxRetryAfter = null) =>
        new StudiesFetcher(_http, new FetchOptions
        {
            BaseUrl = server.BaseUrl, Condition = "liver", PageSize = 1, MinInterval = TimeSpan.FromMilliseconds(20),
            BaseBackoff = TimeSpan.FromMilliseconds(20), RequestTimeout = TimeSpan.FromSeconds(5), ExtraPages = extraPages,
            MaxRetryAfter = maxRetryAfter ?? TimeSpan.FromMinutes(5),
        }, progress ?? TextWriter.Null).FetchAsync(_out);

    [Fact]
    public async Task FetchAsync_WhenTheServerRepeatsItsToken_StopsNamingIt()
    {
        using var server = new FaultServer(Pages(null, "token-2", "token-2"));
        var ex = await Assert.ThrowsAsync<FetchException>(() => FetchAsync(server));
        Assert.Contains("page 2: the registry handed back page token 'token-2', which it gave before", ex.Message, StringComparison.Ordinal);
        Assert.True(server.Requests.Count <= 2);
    }

    [Fact]
    public async Task FetchAsync_WhenTokensCycle_StopsAtTheFirstRepeat()
    {
        using var server = new FaultServer(Pages(null, "token-2", "token-3", "token-2"));
        var ex = await Assert.ThrowsAsync<FetchException>(() => FetchAsync(server));
        Assert.Contains("page 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a cycle", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task FetchAsync_WhenPagesOutrunTotalCount_StopsAtTheCap()
    {
        using var server = new FaultServer(Pages(1, "token-2", "token-3", "token-4", "token-5", null));
        var ex = await Assert.ThrowsAsync<FetchException>(() => FetchAsync(server, extraPages: 1));
        Assert.Contains("page 3: the registry's totalCount is 1", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task FetchAsync_WhenRetryAfterIsAbsurd_WaitsTheCapAndSaysSo()
    {
        using var server = new FaultServer(Pages(1, (JsonNode?)null));
        server.Fault(1, "429-long");
        using var progress = new StringWriter();
        var result = await FetchAsync(server, progress, maxRetryAfter: TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, result.Pages);
        Assert.Contains("the server asked to wait 100000 s (Retry-After); waiting 0 s, the cap", progress.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_WhenTheTokenIsNotAString_FailsLocated()
    {
        using var server = new FaultServer(Pages(2, JsonValue.Create(12345), null));
        var ex = await Assert.ThrowsAsync<FetchException>(() => FetchAsync(server));
        Assert.Contains("page 1: nextPageToken is 12345, not a string", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("""{"query": {}, "pages": [{"file": "../../etc/passwd", "studies": 1}], "complete": false}""")]
    [InlineData("""{"query": {}, "pages": [], "complete": "no"}""")]
    public async Task FetchAsync_WhenTheStateFileIsDamaged_SaysHowToStartOver(string state)
    {
        using var server = new FaultServer(Pages(1, (JsonNode?)null));
        File.WriteAllText(Path.Combine(_out, StudiesFetcher.StateFile), state);
        var ex = await Assert.ThrowsAsync<FetchException>(() => FetchAsync(server));
        Assert.Contains("not a fetch state file", ex.Message, StringComparison.Ordinal);
        Assert.Contains("delete it to start the fetch over", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_WhenAPageFileWasDeleted_FetchesItAgainOnResume()
    {
        using var server = new FaultServer(Pages(3, "token-2", "token-3", null));
        await FetchAsync(server);
        File.Delete(Path.Combine(_out, "pages", "page-0002.json"));
        using var progress = new StringWriter();
        var result = await FetchAsync(server, progress);
        Assert.Contains("pages/page-0002.json is missing; fetching again from page 2", progress.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, result.Pages);
        Assert.Equal(3, ApiJsonReader.ReadFile(Path.Combine(_out, "pages")).Studies.Select(s => s.NctId).Distinct().Count());
    }

    [Fact]
    public async Task Fetch_WhenOutIsAFile_FailsLocated()
    {
        var file = Path.Combine(_out, "plain.txt");
        File.WriteAllText(file, "x");
        var (code, _, stderr) = await MscAlf.Tests.Cli.Cli.RunAsync("fetch", "--cond", "liver", "--base-url", "http://127.0.0.1:9/", "--out", file);
        Assert.Equal(1, code);
        Assert.Contains("is a file, not a folder", stderr, StringComparison.Ordinal);
    }
}
