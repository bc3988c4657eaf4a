using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MscAlf.Figures;

/// <summary>
/// A figure's text description (alt text), read from its plotly JSON: the title, then what each trace draws with
/// its values, so a screen reader or a text-only view gets the same numbers as the picture. Built from the data,
/// never typed by hand, so it cannot drift from the chart.
/// </summary>
public static partial class FigureDescription
{
    /// <summary>Describes the plotly figure JSON <paramref name="figureJson"/> (<c>{"data": …, "layout": …}</c>).</summary>
    public static string Describe(string figureJson)
    {
        ArgumentNullException.ThrowIfNull(figureJson);
        var figure = JsonNode.Parse(figureJson)?.AsObject() ?? throw new FormatException("not a plotly figure");
        var layout = figure["layout"] as JsonObject;
        var title = PlainText(layout?["title"] is JsonObject t ? (string?)t["text"] : (string?)layout?["title"]);
        var traces = (figure["data"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var parts = traces.Select(trace => Trace(trace, traces.Count > 1)).Where(p => p.Length > 0);
        var lead = title.Length > 0 ? title : "Chart";
        return string.Join(". ", new[] { lead }.Concat(parts)) + ".";
    }

    private static string Trace(JsonObject trace, bool named)
    {
        var name = PlainText((string?)trace["name"]);
        var prefix = named && name.Length > 0 ? name + ": " : "";
        switch ((string?)trace["type"])
        {
            case "bar":
                var horizontal = (string?)trace["orientation"] == "h";
                var categories = Strings(trace[horizontal ? "y" : "x"]);
                var values = Strings(trace[horizontal ? "x" : "y"]);
                var pairs = categories.Zip(values).Where(p => p.Second != "0").Select(p => $"{p.First} {p.Second}").ToList();
                return pairs.Count == 0 ? "" : prefix + string.Join(", ", pairs);
            case "heatmap":
                var columns = Strings(trace["x"]);
                var rows = Strings(trace["y"]);
                var z = (trace["z"] as JsonArray ?? []).Select(Strings).ToList();
                var cells = rows.Select((row, i) => (row, cells: columns.Select((column, j) => (column, value: i < z.Count && j < z[i].Count ? z[i][j] : "0"))
                        .Where(c => c.value != "0").Select(c => $"{c.column} {c.value}").ToList()))
                    .Where(r => r.cells.Count > 0)
                    .Select(r => $"{r.row} ({string.Join(", ", r.cells)})");
                return $"{prefix}counts of {rows.Count} rows by {columns.Count} columns; non-empty cells: {string.Join("; ", cells)}";
            case "choropleth":
                var places = Strings(trace["text"] ?? trace["locations"]);
                var counts = Strings(trace["z"]);
                return $"Map, {(name.Length > 0 ? name : "values")} (darker is more): " +
                       string.Join(", ", places.Zip(counts).Select(p => $"{p.First} {p.Second}"));
            case "box":
                var numbers = (trace["y"] as JsonArray ?? []).Select(v => (double?)v).OfType<double>().Order().ToList();
                if (numbers.Count == 0)
                {
                    return "";
                }
                return prefix + string.Create(CultureInfo.InvariantCulture,
                    $"{numbers.Count} values, median {Median(numbers):0.##}, from {numbers[0]:0.##} to {numbers[^1]:0.##}");
            default:
                return $"{prefix}{(string?)trace["type"] ?? "scatter"} trace";
        }
    }

    /// <summary>The median of sorted values: the middle one, or the mean of the two middle ones.</summary>
    public static double Median(IReadOnlyList<double> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("no values", nameof(sorted));
        }
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static List<string> Strings(JsonNode? node) => node is JsonArray array
        ? [.. array.Select(v => v is JsonValue value && value.TryGetValue<string>(out var text) ? PlainText(text) : v?.ToJsonString() ?? "")]
        : [];

    /// <summary>Plotly label text as plain text: line breaks become " — ", tags go, entities are decoded.</summary>
    private static string PlainText(string? text) =>
        text is null ? "" : WebUtility.HtmlDecode(Tag().Replace(LineBreak().Replace(text, " — "), "")).Trim();

    [GeneratedRegex("<br\\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
