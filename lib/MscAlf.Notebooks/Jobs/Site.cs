using System.Net;
using System.Text;
using MscAlf.Export;
using MscAlf.IO;
using MscAlf.Jobs;

namespace MscAlf.Notebooks.Jobs;

/// <summary>
/// The static site the build writes: each executed notebook as a page (<c>notebooks/NAME.html</c>), the figures
/// (<c>figures/</c>, written by the figures job) and an index linking them, all drawn from the jobs' results.
/// </summary>
public static class Site
{
    /// <summary>The site's folder of figures.</summary>
    public const string FiguresFolder = "figures";

    /// <summary>The site's folder of shared plotly.js.</summary>
    public const string AssetsFolder = "assets";

    /// <summary>The site's folder of notebook pages.</summary>
    public const string NotebooksFolder = "notebooks";

    /// <summary>
    /// Writes a page per notebook and the index into <paramref name="site"/> (atomically, each file); pages share
    /// <c>assets/</c> unless <paramref name="standalone"/>. Returns the index's path.
    /// </summary>
    public static string Write(string site, IReadOnlyList<ExecutedNotebook> notebooks, FiguresResult figures, bool standalone)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentNullException.ThrowIfNull(figures);
        var pages = new List<(string Page, string Title)>();
        var assets = standalone ? PageAssets.Inline : PageAssets.Shared($"../{AssetsFolder}/");
        foreach (var notebook in notebooks)
        {
            var title = NotebookHtml.TitleOf(notebook.Run.Notebook) ?? notebook.Name;
            AtomicFile.WriteAllText(Path.Combine(site, NotebooksFolder, notebook.Name + ".html"),
                NotebookHtml.Render(notebook.Run.Notebook, notebook.Name, "../index.html", assets));
            pages.Add(($"{NotebooksFolder}/{notebook.Name}.html", title));
        }
        var index = Path.Combine(site, "index.html");
        AtomicFile.WriteAllText(index, Index(pages, figures.Figures));
        return index;
    }

    /// <summary>The index: the notebooks in order, then every figure with a link per format and its description.</summary>
    public static string Index(IReadOnlyList<(string Page, string Title)> pages, IReadOnlyList<FigureFiles> figures)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(figures);
        var html = new StringBuilder("<h1>MscAlfNotebooks</h1>\n")
            .Append("<p>C# notebooks and figures on mesenchymal stromal cell (MSC) therapy for liver failure, rebuilt from the data of ")
            .Append("Shokravi et al., <i>Stem Cell Res Ther</i> 2022;13:192. Everything here works offline.</p>\n<h2>Notebooks</h2>\n<ol start=\"0\">\n");
        foreach (var (page, title) in pages)
        {
            html.Append($"<li><a href=\"{HtmlDocument.Href(page)}\">{WebUtility.HtmlEncode(title)}</a></li>\n");
        }
        html.Append("</ol>\n<h2>Figures</h2>\n<ul>\n");
        foreach (var figure in figures)
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(figure.Title)).Append(": ")
                .AppendJoin(" · ", figure.Files.Select(f => $"<a href=\"{HtmlDocument.Href($"{FiguresFolder}/{f}")}\">{WebUtility.HtmlEncode(Path.GetExtension(f).TrimStart('.').ToUpperInvariant())}</a>"))
                .Append("<br><span class=\"description\">").Append(WebUtility.HtmlEncode(figure.Description))
                .Append("</span></li>\n");
        }
        html.Append($"</ul>\n<p><a href=\"{FiguresFolder}/{FiguresJob.IndexName}\">Figure gallery</a> · <a href=\"{FiguresFolder}/{FiguresJob.ManifestName}\">manifest.json</a> ")
            .Append("(data hashes, package versions)</p>\n");
        return HtmlDocument.Render("MscAlfNotebooks", PageStyle.SiteIndex, html.ToString());
    }
}
