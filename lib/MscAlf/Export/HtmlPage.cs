using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MscAlf.Figures;

namespace MscAlf.Export;

/// <summary>
/// Where a page gets plotly.js and the world topology: inline (a single file that works anywhere, 3.6 MB) or from
/// the shared copies <see cref="PlotlyAssets.WriteShared"/> writes, at a relative URL (a few kilobytes a page).
/// </summary>
/// <param name="SharedUrl">The folder URL of the shared copies, ending in '/', relative to the page; null for inline.</param>
public sealed record PageAssets(string? SharedUrl)
{
    /// <summary>Everything inline: the page is one self-contained file.</summary>
    public static PageAssets Inline { get; } = new((string?)null);

    /// <summary>The shared copies at <paramref name="folderUrl"/> (relative to the page, e.g. <c>../assets/</c>).</summary>
    public static PageAssets Shared(string folderUrl)
    {
        ArgumentNullException.ThrowIfNull(folderUrl);
        return new(folderUrl.EndsWith('/') ? folderUrl : folderUrl + "/");
    }

    /// <summary>The script elements that load plotly.js, and the world topology first when <paramref name="map"/>.</summary>
    public string Scripts(bool map)
    {
        var html = new StringBuilder();
        if (SharedUrl is null)
        {
            if (map)
            {
                html.Append("<script>").Append(PlotlyAssets.GeoAssetsScript()).Append("</script>\n");
            }
            return html.Append("<script>").Append(PlotlyAssets.PlotlyJs).Append("</script>\n").ToString();
        }
        var folder = WebUtility.HtmlEncode(SharedUrl);
        if (map)
        {
            html.Append("<script src=\"").Append(folder).Append(PlotlyAssets.GeoAssetsFileName).Append("\"></script>\n");
        }
        return html.Append("<script src=\"").Append(folder).Append(PlotlyAssets.PlotlyJsFileName).Append("\"></script>\n").ToString();
    }
}

/// <summary>
/// HTML for figures: plotly.js inline or shared (<see cref="PageAssets"/>), the map topology where a figure has a map,
/// no reference to the network and nothing random, so the same figure always gives the same bytes. Each page carries
/// the figure's text description for screen readers and text-only browsers.
/// </summary>
public static partial class HtmlPage
{
    /// <summary>The style figure pages share.</summary>
    public const string Style =
        "body{margin:0;font-family:Arial,Helvetica,sans-serif;background:#fff;color:#222}" +
        "details.description{max-width:60em;margin:.5em 1em 1em;font-size:.9em}details.description p{line-height:1.4}";

    /// <summary>A single-file page showing one figure (plotly.js inline).</summary>
    public static string Render(Figure figure) => Render(figure, PageAssets.Inline);

    /// <summary>A page showing one figure, loading plotly.js as <paramref name="assets"/> says.</summary>
    public static string Render(Figure figure, PageAssets assets)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(assets);
        var description = WebUtility.HtmlEncode(figure.Description);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(figure.Title)).Append("</title>\n")
            .Append("<meta name=\"description\" content=\"").Append(description).Append("\">\n")
            .Append("<style>").Append(Style).Append("</style>\n")
            .Append(assets.Scripts(figure.HasMap)).Append("</head>\n<body>\n")
            .Append("<div id=\"").Append(WebUtility.HtmlEncode(figure.Name)).Append("\" role=\"img\" aria-label=\"").Append(description).Append("\"></div>\n")
            .Append("<details class=\"description\"><summary>Text description</summary><p>").Append(description).Append("</p></details>\n")
            .Append("<script>\n").Append(PlotCall(figure.Name, figure.ToJson())).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The JavaScript that draws figure JSON into the element with id <paramref name="elementId"/>, safe to place inside
    /// an inline <c>&lt;script&gt;</c>: the id is a JSON string and the figure JSON goes through <see cref="ScriptSafe"/>.
    /// </summary>
    public static string PlotCall(string elementId, string figureJson) =>
        $"(function () {{ var fig = {ScriptSafe(figureJson)};\n" +
        $"  Plotly.newPlot({ScriptSafe(JsonSerializer.Serialize(elementId))}, fig.data, fig.layout, {{displaylogo: false, responsive: true}}); }})();\n";

    /// <summary>
    /// JSON made safe to write inside an inline <c>&lt;script&gt;</c> element. The HTML parser ends a script at
    /// <c>&lt;/script</c> and changes state at <c>&lt;!--</c> and <c>&lt;script</c>, whatever the JavaScript around them;
    /// the HTML standard's advice (4.12.1.3, restrictions for contents of script elements) is to escape exactly these
    /// three, case-insensitively. Each such <c>&lt;</c> becomes <c>\u003C</c>, which is the same string to JSON and
    /// JavaScript (a <c>&lt;</c> only ever occurs inside a JSON string). Nothing else changes, so figure JSON without
    /// those sequences keeps its bytes.
    /// </summary>
    public static string ScriptSafe(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ScriptBreak().Replace(json, "\\u003C");
    }

    [GeneratedRegex("<(?=!--|/?script)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptBreak();
}
