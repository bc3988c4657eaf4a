using MscAlf.Display;
using Plotly.NET;

namespace MscAlf.Figures;

/// <summary>A finished chart with its stable file name and title.</summary>
/// <param name="Name">The stable, content-based file stem (e.g. <c>figure2-a-phase</c>).</param>
/// <param name="Title">The human title, as index pages list it.</param>
/// <param name="Chart">The Plotly.NET chart.</param>
public sealed record Figure(string Name, string Title, GenericChart Chart) : IPlotlyFigure
{
    /// <summary>The plotly figure JSON (<c>{"data": …, "layout": …}</c>).</summary>
    public string ToJson() => GenericChart.toFigureJson(Chart);

    /// <summary>True when the figure draws a world map (its HTML must carry the map topology).</summary>
    public bool HasMap => GenericChart.getTraces(Chart).Any(t => t is TraceGeo);

    /// <summary>
    /// What the figure shows, in words, read from its own data (title, then each trace's values): the text
    /// description that figure pages, the site and notebook outputs give screen readers and text-only views.
    /// </summary>
    public string Description => FigureDescription.Describe(ToJson());

    /// <summary>The traces as plotly JSON objects, for checking a chart's data.</summary>
    public IReadOnlyList<Newtonsoft.Json.Linq.JObject> Traces() =>
        [.. ((Newtonsoft.Json.Linq.JArray)Newtonsoft.Json.Linq.JObject.Parse(ToJson())["data"]!).Cast<Newtonsoft.Json.Linq.JObject>()];
}
