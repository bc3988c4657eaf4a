using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MscAlf.Export;
using MscAlf.Figures;

namespace MscAlf.Notebooks;

/// <summary>
/// The MIME bundle of a chart in a notebook, the same from the headless runner and the kernel (docs/charts.md):
/// <list type="bullet">
/// <item><c>application/vnd.plotly.v1+json</c>: the figure (<c>data</c>, <c>layout</c>, <c>config</c>), which VS Code and
/// JupyterLab's plotly renderer draw themselves;</item>
/// <item><c>text/html</c>: the PNG as a picture (or, without one, the description in words) and a small script that
/// draws over it the figure with a plotly.js already on the page
/// (the project's site) or loads the copy <c>kernel install</c> puts in Jupyter's <c>nbextensions</c> folder through
/// require.js (Jupyter Notebook); plotly.js itself is never inlined;</item>
/// <item><c>image/png</c>: the chart drawn by Chromium at <see cref="ColumnWidth"/> pixels, for GitHub, untrusted and
/// script-less views (left out, and said once, when Chromium is missing);</item>
/// <item><c>text/plain</c>: the figure's text description (<see cref="FigureDescription"/>).</item>
/// </list>
/// The interactive views take the width of the notebook column; the height is the figure's.
/// </summary>
public static class ChartBundle
{
    /// <summary>The width of the static image, in CSS pixels: a notebook column in Jupyter, VS Code and GitHub.</summary>
    public const int ColumnWidth = 800;

    /// <summary>The height used when a figure's layout gives none.</summary>
    public const int DefaultHeight = 520;

    /// <summary>The MIME type of the figure JSON.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>Where <c>kernel install</c> puts plotly.js, relative to Jupyter's nbextensions URL (require.js module path).</summary>
    public const string NbextensionFolder = "mscalf";

    /// <summary>
    /// The bundle for <paramref name="figureJson"/> (a plotly figure), the <paramref name="number"/>-th chart of the
    /// session; <paramref name="images"/> draws the PNG, or gives none.
    /// </summary>
    public static JsonObject Format(string figureJson, int number, ChartImages images)
    {
        ArgumentNullException.ThrowIfNull(figureJson);
        ArgumentNullException.ThrowIfNull(images);
        var figure = JsonNode.Parse(figureJson)?.AsObject() ?? throw new FormatException("not a plotly figure");
        var layout = figure["layout"] as JsonObject ?? [];
        var height = layout["height"] is JsonValue h && h.TryGetValue<double>(out var value) ? (int)Math.Round(value) : DefaultHeight;
        var shown = (JsonObject)layout.DeepClone();
        shown.Remove("width");
        shown["autosize"] = true;
        shown["height"] = height;
        var plotly = new JsonObject
        {
            ["data"] = figure["data"]?.DeepClone() ?? new JsonArray(),
            ["layout"] = shown,
            ["config"] = new JsonObject { ["displaylogo"] = false, ["responsive"] = true },
        };
        var description = FigureDescription.Describe(figureJson);
        var hasMap = (figure["data"] as JsonArray ?? []).Any(t => (string?)t?["type"] is "choropleth" or "scattergeo");
        var png = images.Png(figureJson, ColumnWidth, height) is { } bytes ? Convert.ToBase64String(bytes) : null;
        var bundle = new JsonObject
        {
            [PlotlyMimeType] = plotly,
            ["text/html"] = Html(plotly.ToJsonString(), number, hasMap, description, png),
        };
        if (png is not null)
        {
            bundle["image/png"] = png;
        }
        bundle["text/plain"] = description;
        return bundle;
    }

    /// <summary>The element id of a chart: its number in the session and a digest of its figure, so ids differ across notebooks on one page.</summary>
    private static string ElementId(string plotlyJson, int number) => string.Create(CultureInfo.InvariantCulture,
        $"mscalf-chart-{number}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plotlyJson)))[..10]}");

    private static string Html(string plotlyJson, int number, bool hasMap, string description, string? png)
    {
        var id = ElementId(plotlyJson, number);
        var modules = hasMap
            ? $"[base + \"{Module(PlotlyAssets.GeoAssetsFileName)}\", base + \"{Module(PlotlyAssets.PlotlyJsFileName)}\"]"
            : $"[base + \"{Module(PlotlyAssets.PlotlyJsFileName)}\"]";
        // Figure JSON inside <script> goes through the project's one escape for it (docs/reliability.md), so no text from
        // the data can end the script or open a comment.
        var script = new StringBuilder()
            .Append("(function () {\n")
            .Append("  var id = \"").Append(id).Append("\", map = ").Append(hasMap ? "true" : "false").Append(";\n")
            .Append("  var fig = ").Append(HtmlDocument.ScriptSafe(plotlyJson)).Append(";\n")
            .Append("""
                  function draw(Plotly) {
                    var el = document.getElementById(id);
                    if (!el || !Plotly) { return; }
                    el.textContent = "";
                    Plotly.newPlot(el, fig.data, fig.layout, fig.config);
                  }
                  function unavailable() {
                    var note = document.getElementById(id + "-note");
                    if (note) { note.textContent = "[This chart cannot be drawn here: plotly.js is not available on this page. In Jupyter Notebook, run `kernel install` once; see docs/charts.md.]"; }
                  }
                  if (window.Plotly && (!map || window.PlotlyGeoAssets)) { draw(window.Plotly); return; }
                  if (typeof window.requirejs === "function") {
                    var base = "nbextensions/
                """)
            .Append(NbextensionFolder).Append("/\";\n")
            .Append("    window.requirejs(").Append(modules).Append(", function () { draw(arguments[arguments.length - 1]); }, unavailable);\n")
            .Append("    return;\n  }\n  unavailable();\n})();\n");
        // Until plotly.js draws over it, the element shows the chart as a picture (the same PNG as image/png), or, when
        // there is none, says in words what it shows: that is what a view that runs no script and picks text/html
        // over image/png shows (an untrusted notebook, nbconvert offline, a site that strips scripts).
        var words = WebUtility.HtmlEncode(description);
        var html = new StringBuilder()
            .Append("<div id=\"").Append(id).Append("\" class=\"mscalf-chart\" role=\"img\" aria-label=\"").Append(words)
            .Append("\" style=\"width:100%\">");
        if (png is not null)
        {
            html.Append("<img src=\"data:image/png;base64,").Append(png).Append("\" alt=\"").Append(words)
                .Append("\" style=\"max-width:100%\"/>\n<p id=\"").Append(id).Append("-note\" style=\"font-size:.85em;color:#666\">")
                .Append("[A picture of the chart: plotly.js draws it interactive in a trusted notebook.]</p></div>\n");
        }
        else
        {
            html.Append("<p id=\"").Append(id).Append("-note\" style=\"font-size:.85em;color:#666\">")
                .Append("[Interactive chart: plotly.js draws it in a trusted notebook.]</p>\n")
                .Append("<p style=\"font-size:.85em\">").Append(words).Append("</p></div>\n");
        }
        return html.Append("<script type=\"text/javascript\">\n").Append(script).Append("</script>\n").ToString();
    }

    private static string Module(string fileName) => fileName.EndsWith(".js", StringComparison.Ordinal) ? fileName[..^3] : fileName;
}
