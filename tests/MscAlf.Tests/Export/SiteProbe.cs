using System.Text.RegularExpressions;
using MscAlf.Export;

namespace MscAlf.Tests.Export;

/// <summary>
/// Opens every page of a built site in headless Chromium with the network off (every host name unresolvable) and
/// reports, per page, how many charts it has and how many plotly.js drew, whether any script error was raised, and
/// whether anything was asked of the network; also checks the files themselves for any http(s) or protocol-relative
/// address in a src or href.
/// </summary>
internal static partial class SiteProbe
{
    // Installed before each page's own scripts: records errors and failed loads.
    private const string Listener = """
        window.__errors = [];
        window.addEventListener("error", function (e) { window.__errors.push("error: " + (e.message || (e.target && (e.target.src || e.target.href)))); }, true);
        window.addEventListener("unhandledrejection", function (e) { window.__errors.push("rejection: " + e.reason); });
        """;

    private const string Report = """
        ({
          charts: document.querySelectorAll(".mscalf-chart").length + document.querySelectorAll("div[role=img]:not(.mscalf-chart)").length,
          drawn: document.querySelectorAll(".js-plotly-plot").length,
          traces: Array.from(document.querySelectorAll(".js-plotly-plot")).reduce(function (n, gd) { return n + (gd.data ? gd.data.length : 0); }, 0),
          network: performance.getEntriesByType("resource").map(function (r) { return r.name; }).filter(function (n) { return /^https?:/.test(n); }),
          errors: window.__errors
        })
        """;

    public sealed record PageReport(string Page, int Charts, int Drawn, int Traces, IReadOnlyList<string> Network, IReadOnlyList<string> Errors);

    /// <summary>Every .html page under <paramref name="site"/>, as the browser saw it.</summary>
    public static async Task<List<PageReport>> RunAsync(string site)
    {
        await using var page = await HeadlessPage.StartAsync();
        await page.AddInitScriptAsync(Listener);
        var reports = new List<PageReport>();
        foreach (var file in Directory.GetFiles(site, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            await page.NavigateAsync(new Uri(file).AbsoluteUri);
            var name = Path.GetRelativePath(site, file);
            // Wait until the page has loaded and every chart placeholder or figure div holds a drawn plot (or time passes).
            await page.WaitForAsync("document.readyState === 'complete' && document.querySelectorAll('.js-plotly-plot').length >= " +
                "document.querySelectorAll('.mscalf-chart').length + document.querySelectorAll('div[role=img]:not(.mscalf-chart)').length",
                TimeSpan.FromSeconds(30));
            var json = (await page.EvaluateAsync(Report))!.AsObject();
            reports.Add(new PageReport(name, (int)json["charts"]!, (int)json["drawn"]!, (int)json["traces"]!,
                [.. json["network"]!.AsArray().Select(n => (string)n!)], [.. json["errors"]!.AsArray().Select(e => (string)e!)]));
        }
        return reports;
    }

    /// <summary>The src or href values in the site's HTML files that point at the network.</summary>
    public static List<string> NetworkAddresses(string site) =>
        [.. Directory.GetFiles(site, "*.html", SearchOption.AllDirectories)
            .SelectMany(f => NetworkAddress().Matches(File.ReadAllText(f).Replace(PlotlyAssets.PlotlyJs, "", StringComparison.Ordinal))
                .Select(m => $"{Path.GetRelativePath(site, f)}: {m.Value}"))];

    [GeneratedRegex("""(src|href)\s*=\s*["']?(https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex NetworkAddress();
}
