using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MscAlf.Figures;

namespace MscAlf.Export;

/// <summary>
/// Renders figures to PNG and SVG in one headless-Chromium run: a temporary page loads plotly.js once, draws each
/// figure and exports it with <c>Plotly.toImage</c>. <c>Math.random</c> is seeded first, so the ids plotly.js
/// writes into SVG are the same on every run.
/// </summary>
public static partial class ImageRenderer
{
    /// <summary>The image formats this renderer writes.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["png", "svg"];

    /// <summary>
    /// Renders every figure in every format asked; returns the file bytes by (figure name, format). The page and the
    /// browser profile live in temporary folders removed when the job ends, however it ends; leftovers of a killed
    /// earlier run are removed first. Throws <see cref="BrowserJobException"/> when the browser gives no images.
    /// </summary>
    public static IReadOnlyDictionary<(string Name, string Format), byte[]> Render(IReadOnlyList<Figure> figures, IReadOnlyList<string> formats,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(formats);
        TemporaryFolder.SweepStale();
        using var work = TemporaryFolder.Create("render");
        var page = Path.Combine(work.Path, "render.html");
        File.WriteAllText(page, RenderPage(figures, formats));
        var (dom, log) = Browser.DumpDom(page, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(300), cancellation);
        return Parse(dom, log, figures, formats);
    }

    /// <summary>
    /// The start of a page that draws images, up to and including its first script: a dialog would block headless
    /// Chromium for good, so none may open; a fixed-seed generator (mulberry32) replaces <c>Math.random</c> before
    /// plotly.js loads, and <c>reseed()</c> restarts it before every plot and export, so each image depends on its
    /// figure alone. <see cref="ChartImageRenderer"/>'s page starts the same way.
    /// </summary>
    internal const string PageHead =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>\n" +
        "window.alert = window.confirm = window.prompt = window.print = function () { return null; };\n" +
        "var s=20211130;function reseed(){s=20211130;}Math.random=function(){s|=0;s=s+0x6D2B79F5|0;" +
        "var t=Math.imul(s^s>>>15,1|s);t=t+Math.imul(t^t>>>7,61|t)^t;return((t^t>>>14)>>>0)/4294967296;};\n</script>\n";

    private static string RenderPage(IReadOnlyList<Figure> figures, IReadOnlyList<string> formats)
    {
        var html = new StringBuilder(PageHead);
        if (figures.Any(f => f.HasMap))
        {
            html.Append("<script>").Append(PlotlyAssets.GeoAssetsScript()).Append("</script>\n");
        }
        html.Append("<script>").Append(PlotlyAssets.PlotlyJs).Append("</script></head><body><pre id=\"out\">pending</pre><script>\n");
        html.Append("var FIGS = [").Append(string.Join(",\n", figures.Select(f => $"{{name: {HtmlDocument.ScriptSafe(JsonSerializer.Serialize(f.Name))}, fig: {HtmlDocument.ScriptSafe(f.ToJson())}}}")))
            .Append("];\nvar FORMATS = ").Append(HtmlDocument.ScriptSafe(JsonSerializer.Serialize(formats))).Append(";\n");
        html.Append("""
            (async function () {
              var out = {};
              for (var i = 0; i < FIGS.length; i++) {
                var f = FIGS[i], div = document.createElement("div");
                document.body.appendChild(div);
                reseed();
                await Plotly.newPlot(div, f.fig.data, f.fig.layout, {staticPlot: true});
                out[f.name] = {};
                for (var j = 0; j < FORMATS.length; j++) {
                  reseed();
                  out[f.name][FORMATS[j]] = await Plotly.toImage(div, {format: FORMATS[j],
                    width: f.fig.layout.width || 900, height: f.fig.layout.height || 520});
                }
                Plotly.purge(div); div.remove();
              }
              document.getElementById("out").textContent = JSON.stringify(out);
            })().catch(function (e) { document.getElementById("out").textContent = "ERROR " + e; });
            </script></body></html>
            """);
        return html.ToString();
    }

    private static Dictionary<(string, string), byte[]> Parse(string dom, string log, IReadOnlyList<Figure> figures, IReadOnlyList<string> formats)
    {
        const string open = "<pre id=\"out\">";
        var start = dom.IndexOf(open, StringComparison.Ordinal);
        var end = start < 0 ? -1 : dom.IndexOf("</pre>", start, StringComparison.Ordinal);
        var text = start < 0 || end < 0 ? "" : WebUtility.HtmlDecode(dom[(start + open.Length)..end]);
        if (!text.StartsWith('{'))
        {
            var detail = text.Length > 0 ? Text.SafeText.Quote(text) : "no output";
            throw new BrowserJobException($"Chromium did not render the figures ({detail}); run with --verbose for the browser log.", Tail(log));
        }
        try
        {
            using var json = JsonDocument.Parse(text);
            var result = new Dictionary<(string, string), byte[]>();
            foreach (var figure in figures)
            {
                foreach (var format in formats)
                {
                    var url = json.RootElement.GetProperty(figure.Name).GetProperty(format).GetString() ?? "";
                    var bytes = DecodeDataUrl(url);
                    result[(figure.Name, format)] = format == "svg" ? Encoding.UTF8.GetBytes(CanonicalRootTag(Encoding.UTF8.GetString(bytes))) : bytes;
                }
            }
            return result;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new BrowserJobException($"Chromium returned images that could not be read ({ex.Message}).", ex);
        }
    }

    private static byte[] DecodeDataUrl(string url)
    {
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        var header = url[..comma];
        var payload = url[(comma + 1)..];
        return header.EndsWith(";base64", StringComparison.Ordinal)
            ? Convert.FromBase64String(payload)
            : Encoding.UTF8.GetBytes(Uri.UnescapeDataString(payload));
    }

    /// <summary>
    /// Sorts the attributes of the root &lt;svg&gt; tag: plotly.js writes <c>style</c> and <c>viewBox</c> in an order that
    /// depends on timing, and nothing else in its SVG varies once <c>Math.random</c> is seeded.
    /// </summary>
    public static string CanonicalRootTag(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var match = RootTag().Match(svg);
        if (!match.Success)
        {
            return svg;
        }
        var attributes = Attribute().Matches(match.Groups[1].Value).Select(m => m.Value).Order(StringComparer.Ordinal);
        return string.Concat(svg.AsSpan(0, match.Index), "<svg " + string.Join(' ', attributes) + ">", svg.AsSpan(match.Index + match.Length));
    }

    [GeneratedRegex("<svg ([^>]*)>")]
    private static partial Regex RootTag();

    [GeneratedRegex("[\\w:-]+=\"[^\"]*\"")]
    private static partial Regex Attribute();

    private static string Tail(string log) => log.Length > 2000 ? log[^2000..] : log;
}
