using System.Net;
using System.Text;
using System.Text.Json;
using MscAlf.Figures;

namespace MscAlf.Export;

/// <summary>
/// HTML for figures: plotly.js inline or shared (<see cref="PageAssets"/>), the map topology where a figure has a map,
/// no reference to the network and nothing random, so the same figure always gives the same bytes. Each page carries
/// the figure's text description for screen readers and text-only browsers.
/// </summary>
public static class HtmlPage
{
    /// <summary>A single-file page showing one figure (plotly.js inline).</summary>
    public static string Render(Figure figure) => Render(figure, PageAssets.Inline);

    /// <summary>A page showing one figure, loading plotly.js as <paramref name="assets"/> says.</summary>
    public static string Render(Figure figure, PageAssets assets)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(assets);
        var description = WebUtility.HtmlEncode(figure.Description);
        var content = new StringBuilder()
            .Append("<div id=\"").Append(WebUtility.HtmlEncode(figure.Name)).Append("\" role=\"img\" aria-label=\"").Append(description).Append("\"></div>\n")
            .Append("<details class=\"description\"><summary>Text description</summary><p>").Append(description).Append("</p></details>\n")
            .Append("<script>\n").Append(PlotCall(figure.Name, figure.ToJson())).Append("</script>\n");
        return HtmlDocument.Render(figure.Title, PageStyle.FigurePage, content.ToString(), viewport: true, figure.Description,
            assets.Scripts(figure.HasMap));
    }

    /// <summary>
    /// The JavaScript that draws figure JSON into the element with id <paramref name="elementId"/>, safe to place inside
    /// an inline <c>&lt;script&gt;</c>: the id is a JSON string and the figure JSON goes through <see cref="HtmlDocument.ScriptSafe"/>.
    /// </summary>
    public static string PlotCall(string elementId, string figureJson) =>
        $"(function () {{ var fig = {HtmlDocument.ScriptSafe(figureJson)};\n" +
        $"  Plotly.newPlot({HtmlDocument.ScriptSafe(JsonSerializer.Serialize(elementId))}, fig.data, fig.layout, {{displaylogo: false, responsive: true}}); }})();\n";
}
