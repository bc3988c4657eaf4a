using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MscAlf.Figures;

namespace MscAlf.Export;

/// <summary>
/// Self-contained HTML for figures: plotly.js inline, the map topology inline where a figure has a map, no
/// reference to the network and nothing random, so the same figure always gives the same bytes.
/// </summary>
public static partial class HtmlPage
{
    /// <summary>A page showing one figure.</summary>
    public static string Render(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(figure.Title)).Append("</title>\n")
            .Append("<style>body{margin:0;font-family:Arial,Helvetica,sans-serif;background:#fff}</style>\n");
        if (figure.HasMap)
        {
            html.Append("<script>").Append(PlotlyAssets.GeoAssetsScript()).Append("</script>\n");
        }
        html.Append("<script>").Append(PlotlyAssets.PlotlyJs).Append("</script>\n</head>\n<body>\n")
            .Append("<div id=\"").Append(WebUtility.HtmlEncode(figure.Name)).Append("\"></div>\n")
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
