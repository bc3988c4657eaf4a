namespace MscAlf.Export;

/// <summary>
/// The CSS of every page the project writes, in one place: the figure pages, the figure gallery, the site's index and
/// the notebook pages share one font and ink colour; the gallery and the index are one centred column with spaced list
/// items. Each page's style is built from these parts, so a change of font or colour is made once.
/// </summary>
public static class PageStyle
{
    private const string Font = "font-family:Arial,Helvetica,sans-serif";
    private const string Ink = "color:#222";
    private const string ListItems = "li{margin:.6em 0}";

    /// <summary>A page of one figure (<see cref="HtmlPage"/>): the chart edge to edge, its text description below.</summary>
    public const string FigurePage =
        "body{margin:0;" + Font + ";background:#fff;" + Ink + "}" +
        "details.description{max-width:60em;margin:.5em 1em 1em;font-size:.9em}details.description p{line-height:1.4}";

    /// <summary>The figure gallery (<c>figures/index.html</c>): a list of figures with their thumbnails.</summary>
    public const string Gallery =
        "body{" + Font + ";max-width:1100px;margin:2em auto;padding:0 1em;" + Ink + "}" + ListItems +
        "img{max-width:320px;border:1px solid #ddd;display:block;margin-top:.3em}";

    /// <summary>The site's index (<c>site/index.html</c>): the notebooks and the figures with their descriptions.</summary>
    public const string SiteIndex =
        "body{" + Font + ";max-width:1000px;margin:2em auto;padding:0 1em;" + Ink + "}" + ListItems +
        ".description{font-size:.85em;color:#555}";

    /// <summary>An executed notebook: cells on a white column, code and outputs set apart, DataFrames as tables.</summary>
    public const string NotebookPage =
        "body{" + Font + ";" + Ink + ";margin:0;background:#fafafa}" +
        "main{max-width:1200px;margin:0 auto;padding:1em 2em;background:#fff}" +
        "nav{font-size:.9em;margin-bottom:1em}pre{background:#f4f4f4;padding:.6em;overflow-x:auto;font-size:.88em}" +
        ".cell{margin:1em 0}.prompt{color:#888;font-size:.8em;font-family:monospace}" +
        ".code pre{border-left:3px solid #0072B2}.stream{background:#fff;border-left:3px solid #ccc}" +
        ".error{background:#fdecea;border-left:3px solid #D55E00}table.dataframe{border-collapse:collapse;font-size:.85em;margin:.5em 0}" +
        "table.dataframe td,table.dataframe th{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}" +
        "table.dataframe th{background:#f0f0f0}caption{text-align:left;font-weight:bold;padding:.3em 0}";
}
