using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using MscAlf.Export;

namespace MscAlf.Notebooks;

/// <summary>
/// Renders an executed notebook as an HTML page: markdown through Markdig and then an allow-list sanitiser
/// (ordinary markdown HTML, <c>&lt;details&gt;</c>/<c>&lt;summary&gt;</c> included, stays; scripts, event handlers,
/// <c>javascript:</c> and <c>data:</c> URLs, iframes, forms and styles beyond a few text properties go), code as
/// escaped text, outputs as the notebook's execution wrote them (HTML outputs as is, so charts stay interactive
/// offline: they come from running the notebook's own code, which the build runs anyway; a PNG-only output as an
/// image with its text as alt text; text escaped). A page with charts loads plotly.js inline or from the site's shared
/// copy (<see cref="PageAssets"/>). Links to other notebooks (<c>x.ipynb</c>) point at their rendered pages (<c>x.html</c>).
/// </summary>
public static partial class NotebookHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static readonly Lazy<HtmlSanitizer> Sanitizer = new(CreateSanitizer);

    /// <summary>The tags markdown may produce or write that survive sanitising.</summary>
    public static IReadOnlyList<string> AllowedTags { get; } =
    [
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "div",
        "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins",
        "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var",
    ];

    /// <summary>
    /// Sanitises HTML from a markdown cell with the allow-list (<see cref="AllowedTags"/>; attributes such as href,
    /// src, alt, title, id, class; URLs http, https, mailto or relative; CSS text-align, colours, font weight and
    /// style). Anything else is dropped, its text kept where it is ordinary content.
    /// </summary>
    public static string Sanitize(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Sanitizer.Value.Sanitize(html);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(
                ["href", "src", "alt", "title", "id", "class", "align", "colspan", "rowspan", "scope", "start", "reversed",
                 "open", "width", "height", "lang", "type", "checked", "disabled", "style"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(
                ["text-align", "color", "background-color", "font-weight", "font-style", "text-decoration", "vertical-align"],
                StringComparer.OrdinalIgnoreCase),
        };
        return new HtmlSanitizer(options);
    }

    /// <summary>
    /// The page for <paramref name="notebook"/>; <paramref name="backLink"/> is the site index's relative URL, and
    /// <paramref name="assets"/> says where a page with charts gets plotly.js (inline when null).
    /// </summary>
    public static string Render(Notebook notebook, string fallbackTitle, string backLink, PageAssets? assets = null)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var title = TitleOf(notebook) ?? fallbackTitle;
        var charts = notebook.Cells.SelectMany(c => c.Outputs).Select(o => o["data"]?[ChartBundle.PlotlyMimeType]).OfType<JsonObject>().ToList();
        var scripts = "";
        if (charts.Count > 0)
        {
            var map = charts.Any(c => (c["data"] as JsonArray ?? []).Any(t => (string?)t?["type"] is "choropleth" or "scattergeo"));
            scripts = (assets ?? PageAssets.Inline).Scripts(map);
        }
        var html = new StringBuilder("<main>\n")
            .Append("<nav><a href=\"").Append(WebUtility.HtmlEncode(backLink)).Append("\">← All notebooks and figures</a></nav>\n");
        foreach (var cell in notebook.Cells)
        {
            if (cell.CellType == "markdown")
            {
                html.Append("<div class=\"cell markdown\">\n").Append(LinkPages(Sanitize(Markdown.ToHtml(cell.Source, Pipeline)))).Append("</div>\n");
            }
            else if (cell.IsCode)
            {
                html.Append("<div class=\"cell code\"><div class=\"prompt\">In [").Append(cell.ExecutionCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? " ")
                    .Append("]:</div><pre><code class=\"language-csharp\">").Append(WebUtility.HtmlEncode(cell.Source)).Append("</code></pre>\n");
                foreach (var output in cell.Outputs)
                {
                    html.Append(Output(output));
                }
                html.Append("</div>\n");
            }
        }
        return HtmlDocument.Render(title, PageStyle.NotebookPage, html.Append("</main>\n").ToString(), viewport: true, scripts: scripts);
    }

    /// <summary>The text of the notebook's first markdown heading, or null.</summary>
    public static string? TitleOf(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return notebook.Cells.Where(c => c.CellType == "markdown")
            .Select(c => Heading().Match(c.Source)).FirstOrDefault(m => m.Success)?.Groups[1].Value.Trim();
    }

    private static string Output(JsonObject output)
    {
        switch ((string?)output["output_type"])
        {
            case "stream":
                var name = (string?)output["name"] == "stderr" ? "stream stderr" : "stream";
                return $"<pre class=\"{name}\">{WebUtility.HtmlEncode(Notebook.Text(output["text"]))}</pre>\n";
            case "error":
                var trace = string.Join("\n", output["traceback"]?.AsArray().Select(t => (string?)t) ?? []);
                return $"<pre class=\"error\">{WebUtility.HtmlEncode($"{output["ename"]}: {output["evalue"]}\n{trace}")}</pre>\n";
            default:
                var data = output["data"]?.AsObject();
                if (data?["text/html"] is { } htmlNode)
                {
                    return "<div class=\"output\">\n" + Notebook.Text(htmlNode) + "</div>\n";
                }
                if (data?["image/png"] is { } png)
                {
                    return $"<div class=\"output\"><img src=\"data:image/png;base64,{WebUtility.HtmlEncode(Notebook.Text(png).Trim())}\" " +
                        $"alt=\"{WebUtility.HtmlEncode(Notebook.Text(data["text/plain"]))}\" style=\"max-width:100%\"></div>\n";
                }
                return $"<pre class=\"stream\">{WebUtility.HtmlEncode(Notebook.Text(data?["text/plain"]))}</pre>\n";
        }
    }

    private static string LinkPages(string html) => NotebookLink().Replace(html, "href=\"$1.html$2\"");

    [GeneratedRegex(@"^#\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"href=""([^""#:]+)\.ipynb(#[^""]*)?""")]
    private static partial Regex NotebookLink();
}
