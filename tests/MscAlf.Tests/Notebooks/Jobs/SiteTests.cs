using MscAlf.Jobs;
using MscAlf.Notebooks;
using MscAlf.Notebooks.Jobs;

namespace MscAlf.Tests.Notebooks.Jobs;

public sealed class SiteTests : IDisposable
{
    private readonly string _site = Directory.CreateTempSubdirectory("mscalf-site-").FullName;

    public void Dispose() => Directory.Delete(_site, recursive: true);

    [Fact]
    public void Index_WhenGivenTheJobsResults_ListsEveryNotebookAndEveryFigureFile()
    {
        var html = Site.Index([("notebooks/00-a.html", "A <b>title</b>")],
            [new FigureFiles("figure2", "Figure 2 & more", "Phase: Phase 1 12.", ["figure2.html", "figure2.svg"])]);
        Assert.Contains("<li><a href=\"notebooks/00-a.html\">A &lt;b&gt;title&lt;/b&gt;</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("Figure 2 &amp; more: <a href=\"figures/figure2.html\">HTML</a> · <a href=\"figures/figure2.svg\">SVG</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"description\">Phase: Phase 1 12.</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WhenNothingIsOnDiskButTheResults_DrawsTheSiteFromThem()
    {
        var source = Path.Combine(_site, "07-x.ipynb");
        File.WriteAllText(source, """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
              {"cell_type": "markdown", "id": "m", "metadata": {}, "source": "# Seven"}]}
            """);
        var run = new NotebookRun(Notebook.Load(source), null, []);
        File.Delete(source); // nothing the site needs is read back from disk
        var figures = new FiguresResult(Path.Combine(_site, "figures"), [new FigureFiles("f", "F", "d.", ["f.html"])], [], TimeSpan.Zero);
        var index = Site.Write(_site, [new ExecutedNotebook(source, source, run)], figures, standalone: false);
        Assert.Equal(Path.Combine(_site, "index.html"), index);
        Assert.Contains("<a href=\"notebooks/07-x.html\">Seven</a>", File.ReadAllText(index), StringComparison.Ordinal);
        Assert.Contains("<title>Seven</title>", File.ReadAllText(Path.Combine(_site, "notebooks", "07-x.html")), StringComparison.Ordinal);
        Assert.False(Directory.Exists(figures.OutputDirectory));
    }
}
