using System.Net;
using System.Text.Json;
using MscAlf.Export;

namespace MscAlf.Tests.Export;

/// <summary>Opens a page in headless Chromium (network off) and reads back what a probe script saw once it had loaded.</summary>
internal static class BrowserProbe
{
    /// <summary>
    /// Writes <paramref name="html"/> to <paramref name="path"/> with a probe first in its head; 300 ms after load the
    /// probe evaluates <paramref name="expression"/> (a JavaScript expression, e.g. <c>{pwned: !!window.__pwned}</c>)
    /// and the result comes back as JSON.
    /// </summary>
    public static JsonElement Run(string path, string html, string expression)
    {
        var probe = "<script>window.addEventListener('load', function () { setTimeout(function () {" +
            $"var p = document.createElement('pre'); p.id = 'probe'; p.textContent = JSON.stringify({expression});" +
            " document.body.appendChild(p); }, 300); });</script>";
        Assert.Contains("<head>\n", html, StringComparison.Ordinal);
        File.WriteAllText(path, html.Replace("<head>\n", "<head>\n" + probe, StringComparison.Ordinal));
        var (dom, _) = Browser.DumpDom(path, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(90));
        const string open = "<pre id=\"probe\">";
        var start = dom.IndexOf(open, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{path}: the probe did not report (the page did not finish loading)");
        var end = dom.IndexOf("</pre>", start, StringComparison.Ordinal);
        return JsonDocument.Parse(WebUtility.HtmlDecode(dom[(start + open.Length)..end])).RootElement.Clone();
    }
}
