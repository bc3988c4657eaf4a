using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MscAlf.Concepts;
using MscAlf.Data;
using MscAlf.Export;
using MscAlf.IO;
using MscAlf.Notebooks;
using MscAlf.Text;

namespace MscAlf.Cli;

/// <summary>
/// <c>build [--out DIR] [--timeout S] [--standalone]</c>: the main job. Validates the data, runs every notebook, writes
/// every figure and a static site (<c>site/index.html</c>) linking each executed notebook, rendered to HTML, and each
/// figure. Pages share one copy of plotly.js (<c>site/assets/</c>) unless <c>--standalone</c> asks for single-file pages.
/// </summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var data = CliApp.DataOption();
        var output = new Option<DirectoryInfo?>("--out") { Description = "The output folder (default: results)." };
        var timeout = CliApp.TimeoutOption($"Per-cell notebook timeout in seconds, 1 to {CliApp.MaxTimeoutSeconds} (default {NotebookRunner.DefaultTimeout.TotalSeconds:0}).");
        var standalone = new Option<bool>("--standalone")
        {
            Description = "Write every page as a single file with plotly.js inline (about 3.6 MB each) instead of sharing site/assets/.",
        };
        var command = new Command("build", "Validate the data, run every notebook, write every figure and the static site.") { data, output, timeout, standalone };
        command.SetAction(CliApp.Async((result, cancellation) => RunAsync(result.GetValue(data)?.FullName, result.GetValue(output)?.FullName,
            TimeSpan.FromSeconds(result.GetValue(timeout)), CliApp.Out(result), CliApp.Err(result), result.GetValue(standalone), cancellation)));
        return command;
    }

    /// <summary>
    /// Runs the four steps; a failure throws (for the one error path in <see cref="CliApp"/>) or returns non-zero.
    /// <paramref name="standalone"/> writes single-file pages instead of pages sharing <c>site/assets/</c>.
    /// </summary>
    public static async Task<int> RunAsync(string? dataDirectory, string? outputDirectory, TimeSpan timeout, TextWriter stdout, TextWriter stderr,
        bool standalone = false, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var found = dataDirectory is null ? ProjectPaths.Find() : ProjectPaths.ForData(dataDirectory);
        var paths = outputDirectory is null ? found : found with { Results = Path.GetFullPath(outputDirectory) };
        var dataDir = paths.Data;
        stdout.WriteLine("[1/4] Validating data");
        var dataset = Dataset.Load(dataDir);
        stdout.WriteLine($"  {dataset.Trials.Count} trials, {dataset.Preclinical.Count} preclinical and {dataset.HumanStudies.Count} human studies: valid");
        OutputFolder.Prepare(paths.Results);

        var notebooksDir = paths.Notebooks;
        var notebooks = Directory.Exists(notebooksDir) ? Directory.GetFiles(notebooksDir, "*.ipynb").Order(StringComparer.Ordinal).ToList() : [];
        stdout.WriteLine($"[2/4] Running {notebooks.Count} notebooks");
        var executed = paths.ResultsNotebooks;
        if (await NotebooksCommand.RunAsync(notebooks, executed, timeout, stdout, stderr, cancellation).ConfigureAwait(false) != 0)
        {
            return CliApp.Failure;
        }
        cancellation.ThrowIfCancellationRequested();

        var site = paths.ResultsSite;
        var formats = Browser.Find() is null ? new[] { "html" } : ["html", "png", "svg"];
        stdout.WriteLine($"[3/4] Writing figures ({string.Join(", ", formats)})");
        if (formats.Length == 1)
        {
            stdout.WriteLine("  Chromium not found: PNG and SVG skipped (apt-get install chromium to get them); HTML figures are complete.");
        }
        var figures = Path.Combine(site, "figures");
        var options = new ExportOptions(figures, formats, StatusSnapshot.Registry2022October, standalone, Path.Combine(site, "assets"));
        FiguresCommand.Run(dataDir, options, stdout, cancellation);

        stdout.WriteLine("[4/4] Rendering the site");
        var pages = new List<(string Page, string Title)>();
        foreach (var file in notebooks)
        {
            var notebook = Notebook.Load(Path.Combine(executed, Path.GetFileName(file)));
            var name = Path.GetFileNameWithoutExtension(file);
            var title = NotebookHtml.TitleOf(notebook) ?? name;
            AtomicFile.WriteAllText(Path.Combine(site, "notebooks", name + ".html"),
                NotebookHtml.Render(notebook, name, "../index.html", standalone ? PageAssets.Inline : PageAssets.Shared("../assets/")));
            pages.Add(($"notebooks/{name}.html", title));
        }
        AtomicFile.WriteAllText(Path.Combine(site, "index.html"), Index(pages, figures));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Built in {clock.Elapsed.TotalSeconds:0.0} s: open {SafeText.Escape(Path.Combine(site, "index.html"))}"));
        return 0;
    }

    private static string Index(List<(string Page, string Title)> pages, string figuresDirectory)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(figuresDirectory, "manifest.json")));
        var html = new StringBuilder("<h1>MscAlfNotebooks</h1>\n")
            .Append("<p>C# notebooks and figures on mesenchymal stromal cell (MSC) therapy for liver failure, rebuilt from the data of ")
            .Append("Shokravi et al., <i>Stem Cell Res Ther</i> 2022;13:192. Everything here works offline.</p>\n<h2>Notebooks</h2>\n<ol start=\"0\">\n");
        foreach (var (page, title) in pages)
        {
            html.Append($"<li><a href=\"{HtmlDocument.Href(page)}\">{WebUtility.HtmlEncode(title)}</a></li>\n");
        }
        html.Append("</ol>\n<h2>Figures</h2>\n<ul>\n");
        foreach (var figure in manifest.RootElement.GetProperty("figures").EnumerateArray())
        {
            var files = figure.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
            html.Append("<li>").Append(WebUtility.HtmlEncode(figure.GetProperty("title").GetString())).Append(": ")
                .AppendJoin(" · ", files.Select(f => $"<a href=\"{HtmlDocument.Href("figures/" + f)}\">{WebUtility.HtmlEncode(Path.GetExtension(f).TrimStart('.').ToUpperInvariant())}</a>"))
                .Append("<br><span class=\"description\">").Append(WebUtility.HtmlEncode(figure.GetProperty("description").GetString()))
                .Append("</span></li>\n");
        }
        html.Append("</ul>\n<p><a href=\"figures/index.html\">Figure gallery</a> · <a href=\"figures/manifest.json\">manifest.json</a> ")
            .Append("(data hashes, package versions)</p>\n");
        return HtmlDocument.Render("MscAlfNotebooks", PageStyle.SiteIndex, html.ToString());
    }
}
