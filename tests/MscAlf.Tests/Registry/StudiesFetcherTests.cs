using System.Diagnostics;
using System.Text.Json;
using MscAlf.Registry;

namespace MscAlf.Tests.Registry;

/// <summary>Fetching against a loopback server that replays fixture pages and injects faults.</summary>
public sealed class StudiesFetcherTests : IDisposable
{
    private readonly FaultServer _server = new(Fixtures.Pages());
    private readonly string _out = Directory.CreateTempSubdirectory("mscalf-fetch-").FullName;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public void Dispose()
    {
        _server.Dispose();
        _http.Dispose();
        Directory.Delete(_out, recursive: true);
    }

    private FetchOptions Options(int retries = 4) => new()
    {
        BaseUrl = _server.BaseUrl, Condition = "liver failure", Intervention = "mesenchymal", PageSize = 3,
        MinInterval = TimeSpan.FromMilliseconds(100), MaxRetries = retries, BaseBackoff = TimeSpan.FromMilliseconds(50),
        RequestTimeout = TimeSpan.FromSeconds(1),
    };

    private Task<FetchResult> FetchAsync(FetchOptions? options = null) =>
        new StudiesFetcher(_http, options ?? Options(), TextWriter.Null).FetchAsync(_out);

    private IReadOnlyList<string> FetchedIds() =>
        [.. ApiJsonReader.ReadFile(Path.Combine(_out, "pages")).Studies.Select(s => s.NctId)];

    [Fact]
    public async Task FetchAsync_WhenAllGoesWell_WritesEveryPageAndTheQueryLog()
    {
        var result = await FetchAsync();
        Assert.Equal((3, (int?)7, 3), (result.Pages, result.TotalCount, result.Requests));
        Assert.Equal(7, FetchedIds().Distinct().Count());
        Assert.Equal(7, FetchedIds().Count);
        using var log = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, StudiesFetcher.LogFile)));
        Assert.Equal(7, log.RootElement.GetProperty("totalCount").GetInt32());
        Assert.Equal(3, log.RootElement.GetProperty("pages").GetArrayLength());
        Assert.Equal("liver failure", log.RootElement.GetProperty("parameters").GetProperty("query.cond").GetString());
        Assert.EndsWith("/api/v2/studies", log.RootElement.GetProperty("url").GetString(), StringComparison.Ordinal);
        var first = _server.Requests.First().Target;
        Assert.Contains("query.cond=liver%20failure", first, StringComparison.Ordinal);
        Assert.Contains("countTotal=true", first, StringComparison.Ordinal);
        Assert.Contains("pageToken=token-2", _server.Requests.ElementAt(1).Target, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_out, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task FetchAsync_WhenThrottled_SpacesRequestsByTheMinimumInterval()
    {
        await FetchAsync(Options() with { MinInterval = TimeSpan.FromMilliseconds(400) });
        // The server stamps arrivals, so a gap can look shorter than the client's 400 ms by the first request's extra
        // latency (it opens the connection; a fresh CI machine measured 373 ms). Unthrottled requests arrive a few ms apart.
        var times = _server.Requests.Select(r => r.At).ToList();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(300),
            $"requests {(pair.Second - pair.First).TotalMilliseconds:0} ms apart"));
    }

    [Theory]
    [InlineData("500")]
    [InlineData("broken")]
    [InlineData("slow")]
    [InlineData("drop")]
    public async Task FetchAsync_WhenAPageFailsOnce_RetriesAndLosesNothing(string fault)
    {
        _server.Fault(2, fault);
        await FetchAsync();
        Assert.Equal(7, FetchedIds().Count);
        Assert.Equal(7, FetchedIds().Distinct().Count());
        Assert.Equal(2, _server.Requests.Count(r => r.Page == 2));
    }

    [Fact]
    public async Task FetchAsync_When429WithRetryAfter_WaitsThatLong()
    {
        _server.Fault(1, "429");
        var clock = Stopwatch.StartNew();
        await FetchAsync();
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"took {clock.Elapsed.TotalMilliseconds:0} ms");
        var firstTwo = _server.Requests.Take(2).Select(r => r.At).ToList();
        Assert.True(firstTwo[1] - firstTwo[0] >= TimeSpan.FromMilliseconds(950));
        Assert.Equal(7, FetchedIds().Count);
    }

    [Fact]
    public async Task FetchAsync_WhenAPageKeepsFailing_GivesUpNamingThePage()
    {
        _server.Fault(2, "500", "500", "500");
        var ex = await Assert.ThrowsAsync<FetchException>(() => FetchAsync(Options(retries: 2)));
        Assert.Contains("page 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("gave up after 2 retries", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_WhenRequestIsRefused_DoesNotRetry()
    {
        _server.Fault(1, "400");
        var ex = await Assert.ThrowsAsync<FetchException>(() => FetchAsync());
        Assert.Contains("HTTP 400", ex.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task FetchAsync_WhenInterruptedThenRerun_ResumesWithoutDuplicatingOrLosing()
    {
        _server.Fault(3, "500", "500");
        await Assert.ThrowsAsync<FetchException>(() => FetchAsync(Options(retries: 1)));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_out, "pages")).Length);
        var result = await FetchAsync();
        Assert.Equal(3, result.Pages);
        Assert.Equal(1, result.Requests);
        Assert.Single(_server.Requests, r => r.Page == 1);
        Assert.Single(_server.Requests, r => r.Page == 2);
        Assert.Equal(7, FetchedIds().Count);
        Assert.Equal(7, FetchedIds().Distinct().Count());
    }

    [Fact]
    public async Task FetchAsync_WhenFolderHoldsAnotherQuery_Refuses()
    {
        await FetchAsync();
        var ex = await Assert.ThrowsAsync<FetchException>(() => FetchAsync(Options() with { Condition = "cirrhosis" }));
        Assert.Contains("different query", ex.Message, StringComparison.Ordinal);
    }
}
