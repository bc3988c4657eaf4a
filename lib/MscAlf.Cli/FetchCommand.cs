using System.CommandLine;
using MscAlf.Jobs;
using MscAlf.Registry;

namespace MscAlf.Cli;

/// <summary>
/// <c>fetch --cond TERMS --intr TERMS [--base-url URL] [--products FILE]… --out DIR</c>: pages through the registry's API v2, then imports
/// the pages into <c>DIR/trials.csv</c> (<see cref="FetchJob"/>). Rerunning with the same query resumes an interrupted fetch.
/// </summary>
internal static class FetchCommand
{
    public static Command Create()
    {
        var condition = new Option<string?>("--cond") { Description = "Condition terms (query.cond), e.g. \"liver failure OR cirrhosis\"." };
        var intervention = new Option<string?>("--intr") { Description = "Intervention terms (query.intr), e.g. \"mesenchymal\"." };
        var baseUrl = new Option<string>("--base-url")
        {
            Description = "API root (default https://clinicaltrials.gov/api/v2/).",
            DefaultValueFactory = _ => "https://clinicaltrials.gov/api/v2/",
        };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for pages, state, query log and trials.csv.", Required = true };
        var pageSize = new Option<int>("--page-size") { Description = "Studies per page (default 100).", DefaultValueFactory = _ => 100 };
        var rate = new Option<double>("--max-rps") { Description = "Requests per second at most (default 1).", DefaultValueFactory = _ => 1 };
        var products = new Option<string[]>("--products")
        {
            Description = "An MSC product list to add to the library's own when importing the pages (as for `import`); " +
                "may be given more than once.",
            HelpName = "file",
        };
        var command = new Command("fetch", "Fetch studies from the ClinicalTrials.gov API v2 and import them.")
        {
            condition, intervention, baseUrl, output, pageSize, rate, products,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var (stdout, stderr) = (CliApp.Out(result), CliApp.Err(result));
            if (result.GetValue(condition) is null && result.GetValue(intervention) is null || result.GetValue(rate) <= 0 || result.GetValue(pageSize) <= 0)
            {
                return CliApp.Fail(stderr, "Give --cond and/or --intr, a positive --page-size and a positive --max-rps.");
            }
            if (!Uri.TryCreate(result.GetValue(baseUrl), UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https"))
            {
                return CliApp.Fail(stderr, $"--base-url: '{result.GetValue(baseUrl)}' is not an http(s) URL.");
            }
            var options = new FetchOptions
            {
                BaseUrl = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/"),
                Condition = result.GetValue(condition),
                Intervention = result.GetValue(intervention),
                PageSize = result.GetValue(pageSize),
                MinInterval = TimeSpan.FromSeconds(1 / result.GetValue(rate)),
            };
            var job = new FetchJobOptions
            {
                Query = options, Directory = result.GetValue(output)!.FullName, ProductLists = result.GetValue(products) ?? [],
            };
            var fetched = await FetchJob.RunAsync(job, stdout, stderr, cancellation).ConfigureAwait(false); // a failure reaches CliApp.Report
            stdout.WriteLine(fetched.Import.Summary);
            return 0;
        });
        return command;
    }
}
