using System.Globalization;
using MscAlf.Concepts;
using MscAlf.Data;
using Plotly.NET;

namespace MscAlf.Figures;

/// <summary>Exploration beyond Figure 2: trials by start year and phase, enrollment by phase, MSC source × phase.</summary>
public static class ExplorationFigures
{
    /// <summary>The label of trials with no start date (kept as a column of its own).</summary>
    public const string NoStart = "Unknown";

    /// <summary>The three exploration figures for a trial set.</summary>
    public static IReadOnlyList<Figure> All(IReadOnlyList<Trial> trials, string population)
    {
        ArgumentNullException.ThrowIfNull(trials);
        return [StartYear(trials, population), EnrollmentByPhase(trials, population), SourceByPhase(trials, population)];
    }

    /// <summary>The start-year label of a trial (its year, or Unknown).</summary>
    public static string YearOf(Trial trial) =>
        trial?.StartDate is { } start ? start.Year.ToString(CultureInfo.InvariantCulture) : NoStart;

    /// <summary><c>trials-by-start-year</c>: trials per start year, stacked by phase; trials with no start date in a column of their own.</summary>
    public static Figure StartYear(IReadOnlyList<Trial> trials, string population)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var years = trials.Where(t => t.StartDate is not null).Select(t => t.StartDate!.Value.Year).ToList();
        var columns = years.Count == 0 ? [] : Enumerable.Range(years.Min(), years.Max() - years.Min() + 1)
            .Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();
        if (trials.Any(t => t.StartDate is null))
        {
            columns.Add(NoStart);
        }
        var traces = TrialPhase.Values.Order.Where(p => trials.Any(t => TrialConcepts.Phase(t) == p)).Select(phase =>
        {
            var category = TrialPhase.Values[phase];
            var counts = columns.Select(c => trials.Count(t => TrialConcepts.Phase(t) == phase && YearOf(t) == c)).ToArray();
            var trace = new Trace2D("bar");
            trace.SetProperty("name", category.Label);
            trace.SetProperty("x", columns.ToArray());
            trace.SetProperty("y", counts);
            trace.SetProperty("marker", new Dictionary<string, object> { ["color"] = category.Color });
            trace.SetProperty("hovertemplate", $"%{{x}} · {category.Label}<br>%{{y}} trials<extra></extra>");
            return (Trace)trace;
        }).ToList();
        var panel = new Panel("Start year", traces,
            new() { ["type"] = "category", ["title"] = new Dictionary<string, object> { ["text"] = "Start year" } },
            Plot.CountAxis("Trials"), ShowLegend: true);
        return new Figure("trials-by-start-year", "Trials by start year and phase",
            Plot.Single(panel, $"Trials by start year, stacked by phase (n = {trials.Count} {population})", 1000, 520));
    }

    /// <summary><c>enrollment-by-phase</c>: one box per phase group of the trials' enrollment counts (log scale), every trial a point.</summary>
    public static Figure EnrollmentByPhase(IReadOnlyList<Trial> trials, string population)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var traces = TrialPhase.Values.Order.Where(p => trials.Any(t => TrialConcepts.Phase(t) == p && t.Enrollment is not null)).Select(phase =>
        {
            var category = TrialPhase.Values[phase];
            var inPhase = trials.Where(t => TrialConcepts.Phase(t) == phase && t.Enrollment is not null).ToList();
            var trace = new Trace2D("box");
            trace.SetProperty("name", category.Label);
            trace.SetProperty("y", inPhase.Select(t => t.Enrollment!.Value).ToArray());
            trace.SetProperty("text", inPhase.Select(t => t.NctId).ToArray());
            trace.SetProperty("boxpoints", "all");
            trace.SetProperty("jitter", 0.4);
            trace.SetProperty("pointpos", 0);
            trace.SetProperty("marker", new Dictionary<string, object> { ["color"] = category.Color });
            trace.SetProperty("hovertemplate", "%{text}<br>%{y} participants<extra></extra>");
            return (Trace)trace;
        }).ToList();
        var missing = trials.Count(t => t.Enrollment is null);
        var panel = new Panel("Enrollment", traces, new() { ["type"] = "category" },
            new() { ["type"] = "log", ["title"] = new Dictionary<string, object> { ["text"] = "Participants (log scale)" } });
        return new Figure("enrollment-by-phase", "Enrollment by phase",
            Plot.Single(panel, $"Enrollment by phase (n = {trials.Count - missing} of {trials.Count} {population} with a count; actual and target counts together)", 1000, 520));
    }

    /// <summary><c>source-by-phase</c>: a heatmap of trials by curated MSC source and phase group.</summary>
    public static Figure SourceByPhase(IReadOnlyList<Trial> trials, string population)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var phases = TrialPhase.Values.Order.Where(p => trials.Any(t => TrialConcepts.Phase(t) == p)).ToList();
        var sources = MscSource.Values.Order.Where(s => trials.Any(t => t.MscSource == s)).ToList();
        var counts = sources.Select(s => phases.Select(p => trials.Count(t => t.MscSource == s && TrialConcepts.Phase(t) == p)).ToArray()).ToArray();
        var trace = Plot.Heatmap(1, [.. phases.Select(TrialPhase.Values.Label)], [.. sources.Select(MscSource.Values.Label)], counts,
            "%{y} · %{x}<br>%{z} trials<extra></extra>");
        var panel = new Panel("Source × phase", [trace], new() { ["type"] = "category", ["automargin"] = true },
            Plot.CategoryAxis(sources.Select(MscSource.Values.Label)));
        return new Figure("source-by-phase", "MSC source by phase",
            Plot.Single(panel, $"MSC source by phase (n = {trials.Count} {population})", 1000, 520));
    }
}
