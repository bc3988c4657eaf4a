namespace MscAlf.Display;

/// <summary>
/// A value that shows itself as a chart: a notebook displays its plotly figure JSON as the chart bundle (the library's
/// <see cref="Figures.Figure"/> among them), so the notebook engine needs to know no library type.
/// </summary>
public interface IPlotlyFigure
{
    /// <summary>The plotly figure JSON (<c>{"data": …, "layout": …}</c>).</summary>
    string ToJson();
}
