using System.Globalization;
using MscAlf.Concepts;
using Plotly.NET;
using Props = System.Collections.Generic.Dictionary<string, object>;

namespace MscAlf.Figures;

/// <summary>
/// Low-level chart building on Plotly.NET's trace and layout objects: every plotly attribute is set explicitly,
/// so the figure JSON is exactly what the code says and the same on every run.
/// </summary>
internal static class Plot
{
    public const string Font = "Arial, Helvetica, sans-serif";

    /// <summary>The axis names of a grid slot: slot 1 is x/y/geo, slot k is xk/yk/geok.</summary>
    public static (string X, string Y, string Geo) Axes(int slot) =>
        slot == 1 ? ("x", "y", "geo") : ($"x{slot}", $"y{slot}", $"geo{slot}");

    /// <summary>
    /// A label from data as plotly.js text: plotly.js reads a subset of HTML in labels (<c>&lt;b&gt;</c>, <c>&lt;a href&gt;</c>,
    /// entities), so <c>&amp;</c> and <c>&lt;</c> are written as entities and a label shows exactly its own characters.
    /// Labels without either character are unchanged.
    /// </summary>
    public static string Text(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return label.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
    }

    /// <summary>Each label of <paramref name="labels"/> as plotly.js text (<see cref="Text(string)"/>).</summary>
    public static string[] Text(IEnumerable<string> labels) => [.. labels.Select(Text)];

    /// <summary>Horizontal bars of a tally, categories top to bottom in display order, hover with n and %.</summary>
    public static Trace Bars(Tally tally, int slot, string unit, string? name = null)
    {
        var rows = tally.Rows;
        var trace = Bar(slot, name ?? tally.Concept, [.. rows.Select(r => r.Category.Label)], [.. rows.Select(r => r.Count)],
            [.. rows.Select(r => r.Category.Color)], [.. rows.Select(r => Math.Round(r.Percent, 1))]);
        trace.SetProperty("hovertemplate",
            $"%{{y}}<br>%{{x}} {unit} (%{{customdata:.1f}}% of {tally.Denominator})<extra></extra>");
        trace.SetProperty("showlegend", false);
        return trace;
    }

    /// <summary>One horizontal bar trace with explicit labels, counts, colours and percentages.</summary>
    public static Trace Bar(int slot, string name, string[] labels, int[] counts, string[] colors, double[] percents)
    {
        var (x, y, _) = Axes(slot);
        var trace = new Trace2D("bar");
        trace.SetProperty("name", Text(name));
        trace.SetProperty("orientation", "h");
        trace.SetProperty("y", Text(labels));
        trace.SetProperty("x", counts);
        trace.SetProperty("customdata", percents);
        trace.SetProperty("text", counts.Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray());
        trace.SetProperty("textposition", "outside");
        trace.SetProperty("cliponaxis", false);
        trace.SetProperty("marker", new Props { ["color"] = colors });
        trace.SetProperty("xaxis", x);
        trace.SetProperty("yaxis", y);
        return trace;
    }

    /// <summary>
    /// One segment of a stacked bar chart: the counts of one category (an MSC source, a kind of count, a cirrhosis subtype)
    /// across the bars <paramref name="labels"/>, in one colour, with the numbers inside the bars and, for the hover, each
    /// count as a percentage of <paramref name="denominator"/>. <paramref name="blankZeros"/> leaves a zero's number out.
    /// </summary>
    public static Trace Segment(int slot, string name, string[] labels, int[] counts, string color, int denominator, bool blankZeros)
    {
        var trace = Bar(slot, name, labels, counts, [.. counts.Select(_ => color)],
            [.. counts.Select(c => Math.Round(100.0 * c / Math.Max(1, denominator), 1))]);
        if (blankZeros)
        {
            trace.SetProperty("text", counts.Select(c => c == 0 ? "" : c.ToString(CultureInfo.InvariantCulture)).ToArray());
        }
        trace.SetProperty("textposition", "inside");
        return trace;
    }

    /// <summary>A heatmap of counts with the count written in each cell (empty cells stay blank).</summary>
    public static Trace Heatmap(int slot, string[] columns, string[] rows, int[][] counts, string hover)
    {
        var (x, y, _) = Axes(slot);
        var trace = new Trace2D("heatmap");
        trace.SetProperty("x", Text(columns));
        trace.SetProperty("y", Text(rows));
        trace.SetProperty("z", counts);
        trace.SetProperty("text", counts.Select(r => r.Select(c => c == 0 ? "" : c.ToString(CultureInfo.InvariantCulture)).ToArray()).ToArray());
        trace.SetProperty("texttemplate", "%{text}");
        trace.SetProperty("hovertemplate", hover);
        trace.SetProperty("colorscale", new object[] { new object[] { 0, "#FFFFFF" }, new object[] { 1, "#08519C" } });
        trace.SetProperty("zmin", 0);
        trace.SetProperty("showscale", false);
        trace.SetProperty("xgap", 2);
        trace.SetProperty("ygap", 2);
        trace.SetProperty("xaxis", x);
        trace.SetProperty("yaxis", y);
        return trace;
    }

    /// <summary>A category axis listing <paramref name="labels"/> top to bottom.</summary>
    public static Props CategoryAxis(IEnumerable<string> labels) => new()
    {
        ["type"] = "category",
        ["categoryorder"] = "array",
        ["categoryarray"] = Text(labels),
        ["autorange"] = "reversed",
        ["automargin"] = true,
    };

    /// <summary>A count axis with a title.</summary>
    public static Props CountAxis(string title) => new()
    {
        ["title"] = new Props { ["text"] = title },
        ["rangemode"] = "tozero",
        ["automargin"] = true,
        ["gridcolor"] = "#E5E5E5",
    };

    /// <summary>Lays out one panel as a whole figure.</summary>
    public static GenericChart Single(Panel panel, string title, int width = 900, int height = 520) =>
        Grid([panel], title, 1, 1, width, height, panelTitles: false);

    /// <summary>
    /// Lays panels out on a grid (row by row), each with its own axes or map, and a title per panel. Each row keeps a
    /// band at its top for the panel titles and a band at its bottom for tick labels and axis titles, so an axis
    /// title never runs into the title of the panel below; each column keeps room at its left for category labels.
    /// A map gets its colour scale beside it.
    /// </summary>
    public static GenericChart Grid(IReadOnlyList<Panel> panels, string title, int rows, int cols, int width, int height,
        bool panelTitles = true)
    {
        var layout = BaseLayout(title, width, height);
        var annotations = new List<Props>();
        var labelShare = cols == 1 ? 0.2 : 0.36;
        for (var i = 0; i < panels.Count; i++)
        {
            var (row, col) = (i / cols, i % cols);
            var xDomain = new[] { Round((col + labelShare) / cols), Round((col + 0.96) / cols) };
            var yDomain = new[] { Round(1 - (row + 0.78) / rows), Round(1 - (row + 0.1) / rows) };
            if (!panelTitles)
            {
                (xDomain, yDomain) = (new[] { 0.0, 1.0 }, new[] { 0.0, 1.0 });
            }
            var (x, y, geo) = Axes(i + 1);
            var panel = panels[i];
            if (panel.Geo is { } geoProps)
            {
                var mapX = new[] { Round((double)col / cols), Round((col + 0.86) / cols) };
                geoProps["domain"] = new Props { ["x"] = mapX, ["y"] = yDomain };
                layout.SetProperty(geo, geoProps);
                foreach (var trace in panel.Traces)
                {
                    trace.SetProperty("colorbar", new Props
                    {
                        ["title"] = new Props { ["text"] = "Trials" }, ["thickness"] = 12,
                        ["x"] = Round((col + 0.88) / cols), ["xanchor"] = "left",
                        ["y"] = Round((yDomain[0] + yDomain[1]) / 2), ["yanchor"] = "middle",
                        ["len"] = Round(0.8 * (yDomain[1] - yDomain[0])),
                    });
                }
            }
            else
            {
                var xAxis = panel.XAxis ?? [];
                var yAxis = panel.YAxis ?? [];
                xAxis["domain"] = xDomain;
                xAxis["anchor"] = y;
                yAxis["domain"] = yDomain;
                yAxis["anchor"] = x;
                layout.SetProperty(x.Replace("x", "xaxis", StringComparison.Ordinal), xAxis);
                layout.SetProperty(y.Replace("y", "yaxis", StringComparison.Ordinal), yAxis);
            }
            if (panelTitles)
            {
                annotations.Add(new Props
                {
                    ["text"] = $"<b>{panel.Title}</b>", ["xref"] = "paper", ["yref"] = "paper",
                    ["x"] = Round((double)col / cols), ["y"] = Round(1 - (row + 0.01) / rows),
                    ["xanchor"] = "left", ["yanchor"] = "top", ["showarrow"] = false, ["align"] = "left",
                    ["font"] = new Props { ["size"] = 13 },
                });
            }
        }
        if (annotations.Count > 0)
        {
            layout.SetProperty("annotations", annotations.ToArray());
        }
        layout.SetProperty("showlegend", panels.Any(p => p.ShowLegend));
        if (panelTitles)
        {
            // Just under the last row's axis band, not a fixed share of a tall figure below it.
            layout.SetProperty("legend", new Props { ["orientation"] = "h", ["y"] = -0.02, ["yanchor"] = "top", ["x"] = 0, ["traceorder"] = "normal" });
        }
        var chart = GenericChart.ofTraceObjects(false, panels.SelectMany(p => p.Traces).ToArray());
        return GenericChart.setLayout(layout, chart);
    }

    private static double Round(double value) => Math.Round(value, 4);

    private static Layout BaseLayout(string title, int width, int height)
    {
        var layout = new Layout();
        layout.SetProperty("title", new Props { ["text"] = title, ["x"] = 0.01, ["xanchor"] = "left", ["font"] = new Props { ["size"] = 16 } });
        layout.SetProperty("font", new Props { ["family"] = Font, ["size"] = 12, ["color"] = "#222222" });
        layout.SetProperty("width", width);
        layout.SetProperty("height", height);
        layout.SetProperty("paper_bgcolor", "#FFFFFF");
        layout.SetProperty("plot_bgcolor", "#FFFFFF");
        layout.SetProperty("margin", new Props { ["l"] = 20, ["r"] = 30, ["t"] = 95, ["b"] = 50 });
        layout.SetProperty("barmode", "stack");
        layout.SetProperty("legend", new Props { ["orientation"] = "h", ["y"] = -0.2, ["x"] = 0, ["traceorder"] = "normal" });
        return layout;
    }
}
