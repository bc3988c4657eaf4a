using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace MscAlf.Export;

/// <summary>
/// The one HTML document shell of the project's pages (figure pages, the gallery, the site's index, notebook pages)
/// and the two encodings a page needs beyond HTML text: links (<see cref="Href"/>) and JSON inside a script
/// (<see cref="ScriptSafe"/>). Each page's CSS comes from <see cref="PageStyle"/>.
/// </summary>
public static partial class HtmlDocument
{
    /// <summary>
    /// A whole page: the doctype, a head with the character set, optionally the viewport, the title (encoded), optionally
    /// a description (encoded), the style and the script elements, then <paramref name="body"/> as given (already HTML).
    /// </summary>
    /// <param name="title">The page title, as text.</param>
    /// <param name="style">The page's CSS (one of <see cref="PageStyle"/>).</param>
    /// <param name="body">The body's content, ending with a line break.</param>
    /// <param name="viewport">True for a page that should fit a phone's screen width.</param>
    /// <param name="description">A text description of the page for search and screen readers, or null.</param>
    /// <param name="scripts">Script elements for the head (plotly.js), or empty.</param>
    public static string Render(string title, string style, string body, bool viewport = false, string? description = null, string scripts = "")
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(body);
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        if (viewport)
        {
            html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        }
        html.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n");
        if (description is not null)
        {
            html.Append("<meta name=\"description\" content=\"").Append(WebUtility.HtmlEncode(description)).Append("\">\n");
        }
        return html.Append("<style>").Append(style).Append("</style>\n").Append(scripts)
            .Append("</head>\n<body>\n").Append(body).Append("</body>\n</html>\n").ToString();
    }

    /// <summary>
    /// A relative link to a file named <paramref name="fileName"/>, for an HTML attribute: each path segment
    /// percent-encoded (so no name can end the attribute or become a <c>javascript:</c> URL, its colon being encoded),
    /// then HTML-encoded. Plain names (letters, digits, <c>-</c>, <c>_</c>, <c>.</c>, <c>/</c>) are unchanged.
    /// </summary>
    public static string Href(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return WebUtility.HtmlEncode(string.Join('/', fileName.Split('/').Select(Uri.EscapeDataString)));
    }

    /// <summary>
    /// JSON made safe to write inside an inline <c>&lt;script&gt;</c> element. The HTML parser ends a script at
    /// <c>&lt;/script</c> and changes state at <c>&lt;!--</c> and <c>&lt;script</c>, whatever the JavaScript around them;
    /// the HTML standard's advice (4.12.1.3, restrictions for contents of script elements) is to escape exactly these
    /// three, case-insensitively. Each such <c>&lt;</c> becomes <c>\u003C</c>, which is the same string to JSON and
    /// JavaScript (a <c>&lt;</c> only ever occurs inside a JSON string). Nothing else changes, so figure JSON without
    /// those sequences keeps its bytes.
    /// </summary>
    public static string ScriptSafe(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ScriptBreak().Replace(json, "\\u003C");
    }

    [GeneratedRegex("<(?=!--|/?script)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptBreak();
}
