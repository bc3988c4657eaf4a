using System.Collections;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using MscAlf.Display;
using Plotly.NET;

namespace MscAlf.Notebooks;

/// <summary>
/// Turns a value displayed by a cell into an nbformat MIME bundle: a DataFrame into an escaped HTML table plus a
/// text table, a Plotly chart into the chart bundle (<see cref="ChartBundle"/>: figure JSON, HTML that draws it, a
/// PNG, a text description), anything else into text. One instance per session, so charts are numbered in order
/// and reruns give the same bytes (the PNG aside, whose bytes depend on the machine's browser).
/// </summary>
public sealed class RichOutput : IDisposable
{
    /// <summary>Rows of a DataFrame shown before the rest is summarised.</summary>
    public const int MaxRows = 25;

    private readonly bool _ownsImages;
    private int _charts;

    /// <summary>
    /// Creates the formatter; charts get their images from <paramref name="images"/>, which the caller keeps and
    /// disposes (so several sessions can share one browser), or, when null, from a Chromium this formatter starts on
    /// its first chart and ends on dispose.
    /// </summary>
    public RichOutput(ChartImages? images = null)
    {
        _ownsImages = images is null;
        Images = images ?? new ChartImages();
    }

    /// <summary>The session's chart images.</summary>
    public ChartImages Images { get; }

    /// <summary>The MIME bundle (<c>text/plain</c> always, <c>text/html</c> for tables and charts).</summary>
    public JsonObject Format(object? value) => value switch
    {
        null => Plain("null"),
        string text => Plain(text),
        GenericChart chart => ChartBundle.Format(GenericChart.toFigureJson(chart), ++_charts, Images),
        IPlotlyFigure figure => ChartBundle.Format(figure.ToJson(), ++_charts, Images),
        DataFrame frame => Table(frame),
        DataFrameColumn column => Table(new DataFrame(column)),
        ITabular table => Table(table.ToDataFrame(), table.Caption),
        IFormattable formattable => Plain(formattable.ToString(null, CultureInfo.InvariantCulture)),
        IEnumerable sequence when RecordTable(sequence) is { } table => Table(table),
        IEnumerable sequence => Plain(Sequence(sequence)),
        _ => Plain(value.ToString() ?? ""),
    };

    private static JsonObject Plain(string text) => new() { ["text/plain"] = text };

    private static string Sequence(IEnumerable sequence)
    {
        var items = sequence.Cast<object?>().Take(51).Select(i => i switch
        {
            null => "null",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => i.ToString(),
        }).ToList();
        var more = items.Count > 50 ? ", …" : "";
        return "[" + string.Join(", ", items.Take(50)) + more + "]";
    }

    /// <summary>A sequence of objects with public properties (records, anonymous types) as a DataFrame of their text.</summary>
    private static DataFrame? RecordTable(IEnumerable sequence)
    {
        var items = sequence.Cast<object?>().ToList();
        var type = items.FirstOrDefault(i => i is not null)?.GetType();
        if (type is null || type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || items.Any(i => i is not null && i.GetType() != type))
        {
            return null;
        }
        var properties = type.GetProperties().Where(p => p.GetIndexParameters().Length == 0).ToList();
        if (properties.Count == 0)
        {
            return null;
        }
        return new DataFrame(properties.Select(p => (DataFrameColumn)new StringDataFrameColumn(p.Name,
            items.Select(i => i is null ? null : Cell(p.GetValue(i))))));
    }

    /// <summary>An HTML table (values escaped) and a fixed-width text table of the first <see cref="MaxRows"/> rows.</summary>
    public static JsonObject Table(DataFrame frame, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var rows = (int)Math.Min(frame.Rows.Count, MaxRows);
        var names = frame.Columns.Select(c => c.Name).ToList();
        var cells = Enumerable.Range(0, rows).Select(r => frame.Columns.Select(c => Cell(c[r])).ToList()).ToList();
        var more = frame.Rows.Count > rows ? $"… {frame.Rows.Count - rows} more rows ({frame.Rows.Count} in all)" : null;

        var html = new StringBuilder("<table class=\"dataframe\">\n");
        if (caption is not null)
        {
            html.Append("<caption>").Append(WebUtility.HtmlEncode(caption)).Append("</caption>\n");
        }
        html.Append("<thead><tr>").AppendJoin("", names.Select(n => $"<th>{WebUtility.HtmlEncode(n)}</th>")).Append("</tr></thead>\n<tbody>\n");
        foreach (var row in cells)
        {
            html.Append("<tr>").AppendJoin("", row.Select(v => v is null ? "<td><i>null</i></td>" : $"<td>{WebUtility.HtmlEncode(v)}</td>")).Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        if (more is not null)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(more)).Append("</p>\n");
        }

        var widths = names.Select((n, i) => Math.Min(40, Math.Max(n.Length, cells.Select(r => (r[i] ?? "null").Length).DefaultIfEmpty(0).Max()))).ToList();
        var text = new StringBuilder();
        if (caption is not null)
        {
            text.AppendLine(caption);
        }
        text.AppendLine(string.Join("  ", names.Select((n, i) => Fit(n, widths[i]))).TrimEnd());
        foreach (var row in cells)
        {
            text.AppendLine(string.Join("  ", row.Select((v, i) => Fit(v ?? "null", widths[i]))).TrimEnd());
        }
        if (more is not null)
        {
            text.AppendLine(more);
        }
        return new JsonObject { ["text/html"] = html.ToString(), ["text/plain"] = text.ToString().TrimEnd('\n') };
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        string text => text,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join("|", items.Cast<object?>().Select(Cell)),
        _ => value.ToString(),
    };

    private static string Fit(string text, int width) =>
        text.Length > width ? text[..(width - 1)] + "…" : text.PadRight(width);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsImages)
        {
            Images.Dispose();
        }
    }
}
