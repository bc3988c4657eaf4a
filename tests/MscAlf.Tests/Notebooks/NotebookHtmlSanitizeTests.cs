using System.Text.Json.Nodes;
using MscAlf.Notebooks;
using MscAlf.Tests.Export;

namespace MscAlf.Tests.Notebooks;

/// <summary>Markdown cells rendered to the site keep ordinary markdown HTML and lose everything that can run script.</summary>
public sealed class NotebookHtmlSanitizeTests
{
    /// <summary>Markdown holding something that could run script, and a string its rendering must not contain.</summary>
    public static TheoryData<string, string> ActiveContent() => new()
    {
        { "<script>window.__pwned=1</script>text", "<script" },
        { "<img src=x onerror=\"window.__pwned=1\">", "onerror" },
        { "[click](javascript:window.__pwned=1)", "javascript:" },
        { "<a href=\"JaVaScRiPt:window.__pwned=1\">x</a>", "script:" },
        { "<iframe src=\"https://example.org\"></iframe>", "<iframe" },
        { "<object data=\"x.swf\"></object>", "<object" },
        { "<embed src=\"x.swf\">", "<embed" },
        { "<svg onload=\"window.__pwned=1\"></svg>", "onload" },
        { "<form action=\"https://example.org\"><button>go</button></form>", "<form" },
        { "<style>body{display:none}</style>", "<style" },
        { "<p style=\"background:url(javascript:window.__pwned=1)\">x</p>", "url(" },
        { "<meta http-equiv=\"refresh\" content=\"0;url=https://example.org\">", "<meta" },
        { "<base href=\"https://example.org/\">", "<base" },
        { "![x](data:text/html;base64,PHNjcmlwdD4=)", "data:" },
        { "<details open ontoggle=\"window.__pwned=1\"><summary>s</summary>x</details>", "ontoggle" },
    };

    private static Notebook WithMarkdown(string markdown) => Notebook.Parse(new JsonObject
    {
        ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(),
        ["cells"] = new JsonArray(new JsonObject
        {
            ["cell_type"] = "markdown", ["id"] = "m", ["metadata"] = new JsonObject(), ["source"] = markdown,
        }),
    }.ToJsonString());

    private static string Body(string markdown)
    {
        var html = NotebookHtml.Render(WithMarkdown(markdown), "t", "../index.html");
        var start = html.IndexOf("<div class=\"cell markdown\">", StringComparison.Ordinal);
        return html[start..html.IndexOf("</main>", StringComparison.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(ActiveContent))]
    public void Render_WhenMarkdownHoldsActiveContent_DropsIt(string markdown, string forbidden) =>
        Assert.DoesNotContain(forbidden, Body(markdown), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Render_WhenMarkdownFoldsASolution_KeepsDetailsAndSummary()
    {
        var body = Body("**Exercise.** Count the trials.\n\n<details>\n<summary>Solution</summary>\n\n```csharp\nvar n = data.Trials.Count;\n```\n\n</details>\n");
        Assert.Contains("<details>", body, StringComparison.Ordinal);
        Assert.Contains("<summary>Solution</summary>", body, StringComparison.Ordinal);
        Assert.Contains("<code class=\"language-csharp\">var n = data.Trials.Count;", body, StringComparison.Ordinal);
        Assert.Contains("<strong>Exercise.</strong>", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenOrdinaryMarkdown_KeepsTablesLinksHeadingsAndAlignment()
    {
        var body = Body("## Counts\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\nSee [next](02-next.ipynb#part) and <https://example.org>.\n");
        Assert.Contains("<h2 id=\"counts\">Counts</h2>", body, StringComparison.Ordinal);
        Assert.Contains("<table>", body, StringComparison.Ordinal);
        Assert.Contains("text-align: right", body, StringComparison.Ordinal);
        Assert.Contains("href=\"02-next.html#part\"", body, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenBackLinkIsHostile_EncodesIt()
    {
        var html = NotebookHtml.Render(WithMarkdown("x"), "t", "\"><script>window.__pwned=1</script>");
        Assert.DoesNotContain("<script>window.__pwned", html, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void Page_WhenMarkdownIsHostile_RunsNoScriptInChromium()
    {
        var markdown = string.Join("\n\n", ActiveContent().Select(row => (string)row[0]))
            + "\n\n<details><summary>Solution</summary>kept</details>";
        var dir = Directory.CreateTempSubdirectory("mscalf-sanitize-");
        try
        {
            var report = BrowserProbe.Run(Path.Combine(dir.FullName, "page.html"), NotebookHtml.Render(WithMarkdown(markdown), "t", "../index.html"),
                "{pwned: !!window.__pwned, details: document.querySelectorAll('details').length}");
            Assert.False(report.GetProperty("pwned").GetBoolean(), "a script from the markdown ran");
            Assert.Equal(2, report.GetProperty("details").GetInt32());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
