using Plotly.NET;
using Props = System.Collections.Generic.Dictionary<string, object>;

namespace MscAlf.Figures;

/// <summary>A panel: its traces (already pointing at the panel's axes), axis settings and title.</summary>
internal sealed record Panel(string Title, IReadOnlyList<Trace> Traces, Props? XAxis = null, Props? YAxis = null,
    Props? Geo = null, bool ShowLegend = false);
