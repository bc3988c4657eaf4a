using System.IO.Compression;
using System.Net;
using System.Text.Json;
using MscAlf.Concepts;
using MscAlf.Export;
using MscAlf.Figures;

namespace MscAlf.Tests.Export;

/// <summary>
/// Opens every figure page in headless Chromium with every host unresolvable, and checks that it draws a plot with
/// the figure's traces and logs no error; checks that PNGs are not blank and SVGs are reproducible.
/// </summary>
[Collection(nameof(BrowserEnvironment))]
public sealed class BrowserTests
{
    private static readonly IReadOnlyList<Figure> Figures = FigureSet.Build(TestData.Dataset, StatusSnapshot.Registry2022October);

    // Injected first into <head>: records errors and any http(s) resource load, then reports after the plot is drawn.
    private const string Probe = """
        <script>
        window.__errors = [];
        window.addEventListener("error", function (e) { window.__errors.push("error: " + e.message); });
        window.addEventListener("unhandledrejection", function (e) { window.__errors.push("rejection: " + e.reason); });
        var __consoleError = console.error;
        console.error = function () { window.__errors.push("console.error: " + Array.from(arguments).join(" ")); __consoleError.apply(console, arguments); };
        window.addEventListener("load", function () { setTimeout(function () {
          var gd = document.querySelector(".js-plotly-plot");
          var report = {
            plotted: !!gd && !!document.querySelector(".main-svg"),
            traces: gd && gd.data ? gd.data.length : 0,
            drawn: document.querySelectorAll("g.trace, g.choroplethlocation, .hm, g.trace.boxes").length,
            countries: document.querySelectorAll("path.choroplethlocation").length,
            basemap: document.querySelectorAll(".geo .layer path").length,
            network: performance.getEntriesByType("resource").map(function (r) { return r.name; }).filter(function (n) { return /^https?:/.test(n); }),
            errors: window.__errors
          };
          var pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(report);
          document.body.appendChild(pre);
        }, 500); });
        </script>
        """;

    [ChromiumFact]
    public void Page_WhenOpenedOffline_DrawsEveryTraceWithoutErrors()
    {
        var dir = Directory.CreateTempSubdirectory("mscalf-browser-");
        try
        {
            foreach (var figure in Figures)
            {
                var path = Path.Combine(dir.FullName, figure.Name + ".html");
                File.WriteAllText(path, HtmlPage.Render(figure).Replace("<head>\n", "<head>\n" + Probe, StringComparison.Ordinal));
                var (dom, log) = Browser.DumpDom(path, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(90));
                var report = Report(dom, figure.Name);
                Assert.True(report.GetProperty("plotted").GetBoolean(), $"{figure.Name}: no plot drawn");
                Assert.Equal(figure.Traces().Count, report.GetProperty("traces").GetInt32());
                Assert.True(report.GetProperty("drawn").GetInt32() > 0, $"{figure.Name}: no trace drawn");
                Assert.Empty(report.GetProperty("network").EnumerateArray());
                Assert.Empty(report.GetProperty("errors").EnumerateArray());
                Assert.DoesNotContain("Uncaught", log, StringComparison.Ordinal);
                if (figure.HasMap)
                {
                    var located = figure.Traces().Where(t => (string?)t["type"] == "choropleth").Sum(t => t["locations"]!.Count());
                    Assert.Equal(located, report.GetProperty("countries").GetInt32());
                    Assert.True(report.GetProperty("basemap").GetInt32() > 0, $"{figure.Name}: the world map (inlined topology) did not draw");
                }
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [ChromiumFact]
    public void Render_WhenPngAndSvg_ImagesAreNotBlankAndSvgIsReproducible()
    {
        var some = Figures.Where(f => f.Name is "figure2" or "figure2-a-phase").ToList();
        var first = ImageRenderer.Render(some, ["png", "svg"]);
        var second = ImageRenderer.Render(some, ["svg"]);
        foreach (var figure in some)
        {
            var png = first[(figure.Name, "png")];
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
            Assert.True(InkFraction(png) > 0.01, $"{figure.Name}.png looks blank");
            var svg = System.Text.Encoding.UTF8.GetString(first[(figure.Name, "svg")]);
            Assert.StartsWith("<svg ", svg, StringComparison.Ordinal);
            Assert.Contains("class=\"trace", svg, StringComparison.Ordinal);
            Assert.Equal(first[(figure.Name, "svg")], second[(figure.Name, "svg")]);
        }
    }

    private static JsonElement Report(string dom, string name)
    {
        const string open = "<pre id=\"probe\">";
        var start = dom.IndexOf(open, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{name}: the probe did not report (page did not finish loading)");
        var end = dom.IndexOf("</pre>", start, StringComparison.Ordinal);
        return JsonDocument.Parse(WebUtility.HtmlDecode(dom[(start + open.Length)..end])).RootElement.Clone();
    }

    /// <summary>The share of decoded (filtered) scanline bytes that are neither 0 nor 255: near 0 for a blank image.</summary>
    private static double InkFraction(byte[] png)
    {
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = (png[at] << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
            if (png[at + 4] == 'I' && png[at + 5] == 'D' && png[at + 6] == 'A' && png[at + 7] == 'T')
            {
                idat.Write(png, at + 8, length);
            }
            at += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }
        var bytes = inflated.ToArray();
        return (double)bytes.Count(b => b is not 0 and not 255) / bytes.Length;
    }
}
