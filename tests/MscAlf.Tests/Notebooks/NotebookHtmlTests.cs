using MscAlf.Notebooks;

namespace MscAlf.Tests.Notebooks;

public sealed class NotebookHtmlTests
{
    private static Notebook Sample() => Notebook.Parse("""
        {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
          {"cell_type": "markdown", "id": "a", "metadata": {}, "source": "# The title\nSee [next](01-next.ipynb) and [site](https://example.org/x.ipynb)."},
          {"cell_type": "code", "id": "b", "metadata": {}, "execution_count": 1, "source": "var s = \"<tag>\";",
           "outputs": [{"output_type": "stream", "name": "stdout", "text": ["<b>not bold</b>\n"]},
                       {"output_type": "display_data", "metadata": {}, "data": {"text/html": "<table><tr><td>1</td></tr></table>", "text/plain": "1"}}]}
        ]}
        """);

    [Fact]
    public void Render_WhenMarkdown_UsesMarkdigAndLinksNotebookPages()
    {
        var html = NotebookHtml.Render(Sample(), "fallback", "../index.html");
        Assert.Contains("<h1 id=\"the-title\">The title</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"01-next.html\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/x.ipynb\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>The title</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenCodeAndText_EscapesThemAndKeepsHtmlOutputs()
    {
        var html = NotebookHtml.Render(Sample(), "fallback", "../index.html");
        Assert.Contains("var s = &quot;&lt;tag&gt;&quot;;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;not bold&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<table><tr><td>1</td></tr></table>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_WhenParsedAndWritten_RoundTripsAndSplitsLines()
    {
        var json = Sample().ToJson();
        Assert.Equal(json, Notebook.Parse(json).ToJson());
        Assert.Contains("\"# The title\\n\",", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }
}
