using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MscAlf.Export;

/// <summary>
/// Renders plotly figures to PNG in one long-lived page of headless Chromium: the page loads plotly.js and the
/// world topology once, then each figure is drawn and exported with <c>Plotly.toImage</c> (about a tenth of a second
/// a chart once the page is up, against a second or two to start a browser). <c>Math.random</c> is seeded before
/// every image, so a chart gives the same pixels on one machine; PNG bytes may still differ between machines and
/// browser builds (fonts, anti-aliasing, the PNG encoder). One renderer serves one notebook session or kernel.
/// </summary>
public sealed class ChartImageRenderer : IDisposable
{
    private readonly HeadlessPage _page;

    private ChartImageRenderer(HeadlessPage page) => _page = page;

    /// <summary>Starts the browser page; throws <see cref="BrowserNotFoundException"/> without Chromium.</summary>
    /// <exception cref="InvalidOperationException">The browser did not start or the page did not load plotly.js.</exception>
    public static ChartImageRenderer Start()
    {
        var page = HeadlessPage.StartAsync(prepare: folder =>
        {
            var file = Path.Combine(folder, "render.html");
            File.WriteAllText(file, Page(), new UTF8Encoding(false));
            return new Uri(file).AbsoluteUri;
        }).GetAwaiter().GetResult();
        try
        {
            if (!page.WaitForAsync("window.Plotly && window.mscalfPng", TimeSpan.FromSeconds(60)).GetAwaiter().GetResult())
            {
                throw new InvalidOperationException("the image page did not load plotly.js within 60 s");
            }
            return new ChartImageRenderer(page);
        }
        catch
        {
            page.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The PNG of <paramref name="figureJson"/> (plotly's <c>{"data", "layout"}</c>) drawn <paramref name="width"/> ×
    /// <paramref name="height"/> CSS pixels at scale 1.
    /// </summary>
    /// <exception cref="InvalidOperationException">plotly.js failed on the figure, or the browser is gone.</exception>
    /// <exception cref="TimeoutException">The browser did not answer within a minute.</exception>
    public byte[] RenderPng(string figureJson, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(figureJson);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 10);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 10);
        // The figure travels as a JSON string literal inside the expression, so nothing in it can end the call.
        var call = string.Create(CultureInfo.InvariantCulture,
            $"window.mscalfPng({JsonValue.Create(figureJson).ToJsonString()}, {width}, {height})");
        var url = (string?)_page.EvaluateAsync(call).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException("plotly.js returned no image");
        const string prefix = "data:image/png;base64,";
        return url.StartsWith(prefix, StringComparison.Ordinal)
            ? Convert.FromBase64String(url[prefix.Length..])
            : throw new InvalidOperationException("plotly.js returned something other than a PNG");
    }

    private static string Page()
    {
        // The same start as the figures' image page: no dialogs, Math.random seeded and reseed() before every image.
        var html = new StringBuilder(ImageRenderer.PageHead)
            .Append("<script>").Append(PlotlyAssets.GeoAssetsScript()).Append("</script>\n")
            .Append("<script>").Append(PlotlyAssets.PlotlyJs).Append("</script>\n<script>\n")
            .Append("""
                window.mscalfPng = async function (json, width, height) {
                  var fig = JSON.parse(json);
                  reseed();
                  var layout = Object.assign({}, fig.layout, {width: width, height: height});
                  return await Plotly.toImage({data: fig.data, layout: layout, config: {staticPlot: true}},
                    {format: "png", width: width, height: height, scale: 1});
                };
                """)
            .Append("\n</script></head><body></body></html>\n");
        return html.ToString();
    }

    /// <summary>Ends the browser.</summary>
    public void Dispose() => _page.Dispose();
}
