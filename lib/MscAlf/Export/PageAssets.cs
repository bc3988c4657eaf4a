using System.Net;
using System.Text;

namespace MscAlf.Export;

/// <summary>
/// Where a page gets plotly.js and the world topology: inline (a single file that works anywhere, 3.6 MB) or from
/// the shared copies <see cref="PlotlyAssets.WriteShared"/> writes, at a relative URL (a few kilobytes a page).
/// </summary>
/// <param name="SharedUrl">The folder URL of the shared copies, ending in '/', relative to the page; null for inline.</param>
public sealed record PageAssets(string? SharedUrl)
{
    /// <summary>Everything inline: the page is one self-contained file.</summary>
    public static PageAssets Inline { get; } = new((string?)null);

    /// <summary>The shared copies at <paramref name="folderUrl"/> (relative to the page, e.g. <c>../assets/</c>).</summary>
    public static PageAssets Shared(string folderUrl)
    {
        ArgumentNullException.ThrowIfNull(folderUrl);
        return new(folderUrl.EndsWith('/') ? folderUrl : folderUrl + "/");
    }

    /// <summary>The script elements that load plotly.js, and the world topology first when <paramref name="map"/>.</summary>
    public string Scripts(bool map)
    {
        var html = new StringBuilder();
        if (SharedUrl is null)
        {
            if (map)
            {
                html.Append("<script>").Append(PlotlyAssets.GeoAssetsScript()).Append("</script>\n");
            }
            return html.Append("<script>").Append(PlotlyAssets.PlotlyJs).Append("</script>\n").ToString();
        }
        var folder = WebUtility.HtmlEncode(SharedUrl);
        if (map)
        {
            html.Append("<script src=\"").Append(folder).Append(PlotlyAssets.GeoAssetsFileName).Append("\"></script>\n");
        }
        return html.Append("<script src=\"").Append(folder).Append(PlotlyAssets.PlotlyJsFileName).Append("\"></script>\n").ToString();
    }
}
