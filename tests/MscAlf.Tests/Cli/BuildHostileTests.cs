using MscAlf.Tests.Export;
using MscAlf.Tests.Notebooks;

namespace MscAlf.Tests.Cli;

/// <summary>The site built from a notebook whose file name and markdown are hostile: links stay links, no script runs.</summary>
[Collection(nameof(ConsoleUsers))]
public sealed class BuildHostileTests : IDisposable
{
    private const string HostileName = "01-x\"><img src=x onerror=window.__pwned=1>";

    private readonly string _root = Directory.CreateTempSubdirectory("mscalf-hostile-build-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<string> BuildAsync()
    {
        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(data);
        foreach (var file in Directory.GetFiles(TestData.RepositoryDataDirectory, "*.csv"))
        {
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        }
        var notebooks = Path.Combine(_root, "notebooks");
        Directory.CreateDirectory(notebooks);
        File.WriteAllText(Path.Combine(notebooks, HostileName + ".ipynb"), """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
              {"cell_type": "markdown", "id": "m", "metadata": {}, "source": "# Title <script>window.__pwned=1</script>\n\n<img src=x onerror=window.__pwned=1>"},
              {"cell_type": "code", "id": "c", "metadata": {}, "execution_count": null, "source": "1 + 1", "outputs": []}]}
            """);
        var output = Path.Combine(_root, "out");
        var (code, _, error) = await Cli.RunAsync("build", "--data", data, "--out", output, "--timeout", "120");
        Assert.True(code == 0, error);
        return Path.Combine(output, "site");
    }

    [Fact]
    public async Task Build_WhenANotebookNameIsHostile_LinksToItWithoutInjectingMarkup()
    {
        var site = await BuildAsync();
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.DoesNotContain("<img", index, StringComparison.Ordinal);
        Assert.Contains("href=\"notebooks/01-x%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E.html\"", index, StringComparison.Ordinal);
        Assert.Contains("Title &lt;script&gt;window.__pwned=1&lt;/script&gt;", index, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site, "notebooks", HostileName + ".html")));
        var page = File.ReadAllText(Path.Combine(site, "notebooks", HostileName + ".html"));
        var main = page[page.IndexOf("<main>", StringComparison.Ordinal)..];
        Assert.DoesNotContain("<img", main, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", main, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task Site_WhenANotebookNameIsHostile_RunsNoScriptInChromiumAndTheLinkWorks()
    {
        var site = await BuildAsync();
        foreach (var page in new[] { Path.Combine(site, "index.html"), Path.Combine(site, "notebooks", HostileName + ".html") })
        {
            var probed = Path.Combine(Path.GetDirectoryName(page)!, "probed-" + Guid.NewGuid().ToString("N") + ".html");
            var report = BrowserProbe.Run(probed, File.ReadAllText(page), "{pwned: !!window.__pwned, imgs: document.querySelectorAll('img').length," +
                " links: Array.from(document.querySelectorAll('a')).map(function (a) { return a.pathname; })}");
            Assert.False(report.GetProperty("pwned").GetBoolean(), $"{page}: a script ran");
            Assert.Equal(0, report.GetProperty("imgs").GetInt32());
            if (page.EndsWith("index.html", StringComparison.Ordinal))
            {
                // The browser resolves the encoded link to the file the build wrote.
                var link = report.GetProperty("links").EnumerateArray().Select(l => Uri.UnescapeDataString(l.GetString()!))
                    .Single(l => l.Contains("/notebooks/", StringComparison.Ordinal));
                Assert.True(File.Exists(link), $"the link points at {link}");
            }
        }
    }
}
