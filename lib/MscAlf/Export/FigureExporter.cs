using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MscAlf.Concepts;
using MscAlf.Data;
using MscAlf.Figures;

namespace MscAlf.Export;

/// <summary>What the <c>figures</c> job writes.</summary>
/// <param name="OutputDirectory">The folder to write into (created when missing).</param>
/// <param name="Formats">Any of html, png, svg.</param>
/// <param name="Snapshot">Which status panel B shows.</param>
/// <param name="Standalone">True for single-file HTML pages (plotly.js inline in each); false for pages that share one copy.</param>
/// <param name="SharedAssetsDirectory">Where the shared plotly.js copy goes (default: <c>assets</c> in the output folder).</param>
public sealed record ExportOptions(string OutputDirectory, IReadOnlyList<string> Formats, StatusSnapshot Snapshot,
    bool Standalone = false, string? SharedAssetsDirectory = null)
{
    /// <summary>The formats the exporter knows.</summary>
    public static IReadOnlyList<string> KnownFormats { get; } = ["html", "png", "svg"];

    /// <summary>The folder of the shared plotly.js copy.</summary>
    public string AssetsDirectory => Path.GetFullPath(SharedAssetsDirectory ?? Path.Combine(OutputDirectory, "assets"));

    /// <summary>How the figure pages load plotly.js.</summary>
    public PageAssets PageAssets => Standalone
        ? PageAssets.Inline
        : PageAssets.Shared(Path.GetRelativePath(Path.GetFullPath(OutputDirectory), AssetsDirectory).Replace('\\', '/'));
}

/// <summary>
/// Writes every figure in every format asked, one file per figure and format named after the figure, plus
/// <c>index.html</c> and <c>manifest.json</c> (figures, files, SHA-256 of the data files, package versions).
/// Every file is written atomically; nothing in the output depends on the clock, so reruns give the same bytes
/// (PNG aside, whose encoder may differ between browser builds).
/// </summary>
public static class FigureExporter
{
    /// <summary>Builds the figures from <paramref name="dataset"/> and writes them; returns the files written.</summary>
    public static IReadOnlyList<string> Export(Dataset dataset, ExportOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var unknown = options.Formats.Except(ExportOptions.KnownFormats).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown format(s): {string.Join(", ", unknown)}; use {string.Join(", ", ExportOptions.KnownFormats)}.");
        }
        var images = options.Formats.Where(f => f != "html").ToList();
        if (images.Count > 0 && Browser.Find() is null)
        {
            throw new BrowserNotFoundException();
        }
        var figures = FigureSet.Build(dataset, options.Snapshot);
        var written = new List<string>();
        if (options.Formats.Contains("html"))
        {
            if (!options.Standalone)
            {
                written.AddRange(PlotlyAssets.WriteShared(options.AssetsDirectory));
            }
            foreach (var figure in figures)
            {
                written.Add(Write(options.OutputDirectory, figure.Name + ".html", HtmlPage.Render(figure, options.PageAssets)));
            }
            progress.WriteLine($"  html: {figures.Count} files" + (options.Standalone ? " (standalone)" : $", sharing {Path.Combine(options.AssetsDirectory, PlotlyAssets.PlotlyJsFileName)}"));
        }
        if (images.Count > 0)
        {
            var rendered = ImageRenderer.Render(figures, images);
            foreach (var ((name, format), bytes) in rendered.OrderBy(r => r.Key.Name, StringComparer.Ordinal).ThenBy(r => r.Key.Format, StringComparer.Ordinal))
            {
                var path = Path.Combine(options.OutputDirectory, $"{name}.{format}");
                AtomicFile.WriteAllBytes(path, bytes);
                written.Add(path);
            }
            progress.WriteLine($"  {string.Join(", ", images)}: {rendered.Count} files");
        }
        written.Add(Write(options.OutputDirectory, "manifest.json", Manifest(dataset, figures, options)));
        written.Add(Write(options.OutputDirectory, "index.html", Index(figures, options)));
        return written;
    }

    private static string Write(string directory, string name, string text)
    {
        var path = Path.Combine(directory, name);
        AtomicFile.WriteAllText(path, text);
        return path;
    }

    /// <summary>The manifest: figures and their files, data-file hashes, package versions, options.</summary>
    public static string Manifest(Dataset dataset, IReadOnlyList<Figure> figures, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(options);
        var manifest = new JsonObject
        {
            ["generator"] = "MscAlf.Cli figures",
            ["status_snapshot"] = TrialStatus.Code(options.Snapshot),
            ["population"] = $"{dataset.November2021Trials.Count} {FigureSet.PopulationName}",
            ["figures"] = new JsonArray([.. figures.Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Name,
                ["title"] = f.Title,
                ["description"] = f.Description,
                ["files"] = new JsonArray([.. options.Formats.Select(fmt => (JsonNode)JsonValue.Create($"{f.Name}.{fmt}"))]),
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
                ["MscAlf"] = VersionOf(typeof(FigureExporter).Assembly),
            },
        };
        return manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static string Index(IReadOnlyList<Figure> figures, ExportOptions options)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>MscAlfNotebooks figures</title>\n")
            .Append("<style>body{font-family:Arial,Helvetica,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}")
            .Append("li{margin:.6em 0}img{max-width:320px;border:1px solid #ddd;display:block;margin-top:.3em}</style>\n</head>\n<body>\n")
            .Append("<h1>Figures</h1>\n<p>Rebuilt from registry records (snapshot October 2022); status panel: ")
            .Append(WebUtility.HtmlEncode(TrialStatus.Describe(options.Snapshot)))
            .Append(". See <a href=\"manifest.json\">manifest.json</a> for data hashes and package versions.</p>\n<ul>\n");
        foreach (var figure in figures)
        {
            html.Append("<li><strong>").Append(WebUtility.HtmlEncode(figure.Title)).Append("</strong> — ");
            html.AppendJoin(" · ", options.Formats.Select(f => $"<a href=\"{figure.Name}.{f}\">{f.ToUpperInvariant()}</a>"));
            if (options.Formats.Contains("png"))
            {
                html.Append($"<img src=\"{figure.Name}.png\" alt=\"{WebUtility.HtmlEncode(figure.Description)}\">");
            }
            else
            {
                html.Append("<p class=\"description\">").Append(WebUtility.HtmlEncode(figure.Description)).Append("</p>");
            }
            html.Append("</li>\n");
        }
        return html.Append("</ul>\n</body>\n</html>\n").ToString();
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
