using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MscAlf.Concepts;
using MscAlf.Data;
using MscAlf.Export;
using MscAlf.Figures;
using MscAlf.IO;
using MscAlf.Text;

namespace MscAlf.Jobs;

/// <summary>
/// The figures job: builds every figure from the data and writes it in every format asked, one file per figure and format named after the figure, plus
/// <c>index.html</c> and <c>manifest.json</c> (figures, files, SHA-256 of the data files, package versions).
/// Everything is rendered in memory first, so a failure (no browser, a browser error, a cancellation) leaves the
/// output folder as it was. Then <c>manifest.json</c> and <c>index.html</c> are removed, every figure is written
/// atomically, and the manifest and the index come back last: a run killed half-way leaves no manifest whose
/// hashes describe older data. Nothing in the output depends on the clock, so reruns give the same bytes (PNG
/// aside, whose encoder may differ between browser builds).
/// </summary>
public static class FiguresJob
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestName = "manifest.json";

    /// <summary>The gallery page's file name.</summary>
    public const string IndexName = "index.html";

    /// <summary>
    /// Loads and validates the data of <see cref="FiguresOptions.DataDirectory"/> (by default the project's), then
    /// exports (<see cref="Export"/>); progress lines go to <paramref name="progress"/>. Failures throw.
    /// </summary>
    public static FiguresResult Run(FiguresOptions options, TextWriter progress, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var dataset = Dataset.Load(options.DataDirectory);
        var result = Export(dataset, options, progress, cancellation);
        return result with { Elapsed = clock.Elapsed };
    }

    /// <summary>Builds the figures from <paramref name="dataset"/> and writes them; says where first, on <paramref name="progress"/>.</summary>
    public static FiguresResult Export(Dataset dataset, FiguresOptions options, TextWriter progress, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var clock = Stopwatch.StartNew();
        progress.WriteLine($"Writing figures to {SafeText.Escape(options.OutputDirectory)} ({string.Join(", ", options.Formats)})");
        if (options.Formats.Count == 0)
        {
            throw new ArgumentException($"No format given; use any of {string.Join(", ", FiguresOptions.KnownFormats)}.");
        }
        var unknown = options.Formats.Except(FiguresOptions.KnownFormats).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown format(s): {string.Join(", ", unknown.Select(f => SafeText.Quote(f, 40)))}; use {string.Join(", ", FiguresOptions.KnownFormats)}.");
        }
        var images = options.Formats.Where(f => f != "html").Distinct().ToList();
        if (images.Count > 0 && Browser.Find() is null)
        {
            throw new BrowserNotFoundException();
        }
        if (Path.GetFullPath(options.OutputDirectory).TrimEnd(Path.DirectorySeparatorChar) == dataset.Directory.TrimEnd(Path.DirectorySeparatorChar))
        {
            throw new OutputLocationException($"{SafeText.Escape(options.OutputDirectory)}: is the data folder; outputs never go among the inputs.");
        }
        OutputFolder.Prepare(options.OutputDirectory);
        TemporaryFolder.SweepStale();
        var figures = FigureSet.Build(dataset, options.Snapshot);
        var files = new List<(string Name, byte[] Bytes)>();
        var utf8 = new UTF8Encoding(false);
        if (options.Formats.Contains("html"))
        {
            files.AddRange(figures.Select(f => (f.Name + ".html", utf8.GetBytes(HtmlPage.Render(f, options.PageAssets)))));
            progress.WriteLine($"  html: {figures.Count} files" + (options.Standalone
                ? " (standalone)"
                : $", sharing {SafeText.Escape(Path.Combine(options.AssetsDirectory, PlotlyAssets.PlotlyJsFileName))}"));
        }
        if (images.Count > 0)
        {
            var rendered = ImageRenderer.Render(figures, images, cancellation);
            files.AddRange(rendered.OrderBy(r => r.Key.Name, StringComparer.Ordinal).ThenBy(r => r.Key.Format, StringComparer.Ordinal)
                .Select(r => ($"{r.Key.Name}.{r.Key.Format}", r.Value)));
            progress.WriteLine($"  {string.Join(", ", images)}: {rendered.Count} files");
        }
        var listed = figures.Select(f => new FigureFiles(f.Name, f.Title, f.Description, [.. options.Formats.Select(fmt => $"{f.Name}.{fmt}")])).ToList();
        var manifest = Manifest(dataset, listed, options);
        var index = Index(listed, options);
        cancellation.ThrowIfCancellationRequested();

        var manifestPath = Path.Combine(options.OutputDirectory, ManifestName);
        var indexPath = Path.Combine(options.OutputDirectory, IndexName);
        File.Delete(manifestPath);
        File.Delete(indexPath);
        var written = new List<string>();
        foreach (var (name, bytes) in files)
        {
            var path = Path.Combine(options.OutputDirectory, name);
            AtomicFile.WriteAllBytes(path, bytes);
            written.Add(path);
        }
        if (options.Formats.Contains("html") && !options.Standalone)
        {
            written.AddRange(PlotlyAssets.WriteShared(options.AssetsDirectory));
        }
        AtomicFile.WriteAllText(manifestPath, manifest);
        AtomicFile.WriteAllText(indexPath, index);
        return new FiguresResult(options.OutputDirectory, listed, [.. written, manifestPath, indexPath], clock.Elapsed);
    }

    /// <summary>The manifest: figures and their files, data-file hashes, package versions, options.</summary>
    public static string Manifest(Dataset dataset, IReadOnlyList<FigureFiles> figures, FiguresOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(options);
        var manifest = new JsonObject
        {
            ["generator"] = options.Generator,
            ["status_snapshot"] = TrialStatus.Code(options.Snapshot),
            ["population"] = $"{dataset.November2021Trials.Count} {FigureSet.PopulationName}",
            ["figures"] = new JsonArray([.. figures.Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Name,
                ["title"] = f.Title,
                ["description"] = f.Description,
                ["files"] = new JsonArray([.. f.Files.Select(file => (JsonNode)JsonValue.Create(file))]),
            })]),
            ["data"] = new JsonArray([.. Dataset.Schemas.Select(s => (JsonNode)new JsonObject
            {
                ["file"] = "data/" + s.FileName,
                ["sha256"] = Sha256(Path.Combine(dataset.Directory, s.FileName)),
            })]),
            ["packages"] = new JsonObject
            {
                ["Plotly.NET"] = VersionOf(typeof(Plotly.NET.GenericChart).Assembly),
                ["plotly.js"] = PlotlyAssets.PlotlyJsVersion,
                ["Microsoft.Data.Analysis"] = VersionOf(typeof(Microsoft.Data.Analysis.DataFrame).Assembly),
                ["CsvHelper"] = VersionOf(typeof(CsvHelper.CsvParser).Assembly),
                ["MscAlf"] = VersionOf(typeof(FiguresJob).Assembly),
            },
        };
        return manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static string Index(IReadOnlyList<FigureFiles> figures, FiguresOptions options)
    {
        var html = new StringBuilder("<h1>Figures</h1>\n<p>Rebuilt from registry records (snapshot October 2022); status panel: ")
            .Append(WebUtility.HtmlEncode(TrialStatus.Describe(options.Snapshot)))
            .Append(". See <a href=\"manifest.json\">manifest.json</a> for data hashes and package versions.</p>\n<ul>\n");
        foreach (var figure in figures)
        {
            html.Append("<li><strong>").Append(WebUtility.HtmlEncode(figure.Title)).Append("</strong> — ");
            html.AppendJoin(" · ", options.Formats.Zip(figure.Files).Select(f => $"<a href=\"{HtmlDocument.Href(f.Second)}\">{WebUtility.HtmlEncode(f.First.ToUpperInvariant())}</a>"));
            if (options.Formats.Contains("png"))
            {
                html.Append($"<img src=\"{HtmlDocument.Href(figure.Name + ".png")}\" alt=\"{WebUtility.HtmlEncode(figure.Description)}\">");
            }
            else
            {
                html.Append("<p class=\"description\">").Append(WebUtility.HtmlEncode(figure.Description)).Append("</p>");
            }
            html.Append("</li>\n");
        }
        return HtmlDocument.Render("MscAlfNotebooks figures", PageStyle.Gallery, html.Append("</ul>\n").ToString());
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static string VersionOf(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
