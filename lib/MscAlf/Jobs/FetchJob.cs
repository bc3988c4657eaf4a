using System.Globalization;
using MscAlf.IO;
using MscAlf.Registry;

namespace MscAlf.Jobs;

/// <summary>
/// The fetch job: pages through the registry's API v2 (<see cref="StudiesFetcher"/>) into a folder, then imports the
/// pages into <c>trials.csv</c> beside them (<see cref="ImportJob"/>).
/// </summary>
public static class FetchJob
{
    /// <summary>The file the fetched pages are imported into, inside the fetch folder.</summary>
    public const string TrialsFile = "trials.csv";

    /// <summary>
    /// Fetches and imports, one progress line per step on <paramref name="progress"/>. Throws
    /// <see cref="JobFailedException"/> with one located message when a product list is invalid (before anything is
    /// fetched), the registry cannot be fetched, the folder cannot be written or the import fails.
    /// </summary>
    public static async Task<FetchJobResult> RunAsync(FetchJobOptions options, TextWriter progress, TextWriter problems,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var directory = options.Directory;
        var products = ProductLists.Load(options.ProductLists, "nothing was fetched");
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("MscAlfNotebooks/1.0");
        FetchResult fetched;
        try
        {
            OutputGuard.CheckFolder(directory, []);
            OutputGuard.CheckFile(Path.Combine(directory, TrialsFile), options.ProductLists);
            progress.WriteLine($"Fetching {options.Query.BaseUrl}studies into {directory}");
            fetched = await new StudiesFetcher(http, options.Query, progress).FetchAsync(directory, cancellation).ConfigureAwait(false);
            progress.WriteLine($"Fetched {fetched.Pages} page(s); registry totalCount {fetched.TotalCount?.ToString(CultureInfo.InvariantCulture) ?? "not given"}; {fetched.Requests} request(s) this run");
        }
        catch (Exception ex) when (ex is FetchException or OutputRefusedException)
        {
            throw new JobFailedException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new JobFailedException($"{Located.Value(directory)}: cannot write there ({Located.Value(ex.Message)})", ex);
        }
        var imported = ImportJob.Run(new ImportJobOptions
        {
            Input = Path.Combine(directory, StudiesFetcher.PagesFolder),
            Output = Path.Combine(directory, TrialsFile),
            ProductLists = options.ProductLists,
            Cancellation = cancellation, // an interrupt while the pages are imported leaves trials.csv as it was
        }, products, progress, problems);
        return new FetchJobResult(fetched, imported);
    }
}
