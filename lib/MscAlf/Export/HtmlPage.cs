using System.Net;
using System.Text;
using MscAlf.Figures;

namespace MscAlf.Export;

/// <summary>
/// Self-contained HTML for figures: plotly.js inline, the map topology inline where a figure has a map, no
/// reference to the network and nothing random, so the same figure always gives the same bytes.
/// </summary>
public static class HtmlPage
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
            .Append("<div id=\"").Append(figure.Name).Append("\"></div>\n")
            .Append("<script>\n").Append(PlotCall(figure.Name, figure.ToJson())).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The JavaScript that draws figure JSON into the element with id <paramref name="elementId"/>.</summary>
    public static string PlotCall(string elementId, string figureJson) =>
        $"(function () {{ var fig = {figureJson};\n" +
        $"  Plotly.newPlot(\"{elementId}\", fig.data, fig.layout, {{displaylogo: false, responsive: true}}); }})();\n";
}
