using MscAlf.Concepts;
using MscAlf.Data;
using Plotly.NET;

namespace MscAlf.Figures;

/// <summary>
/// The review's preclinical evidence (Tables 2–3: outcome categories by intervention kind and by MSC source)
/// and its human studies (Table 4: by condition and MSC source).
/// </summary>
public static class EvidenceFigures
{
    /// <summary>The label for results that match no outcome category (kept visible, never dropped).</summary>
    public const string NoOutcome = "No category matched";

    /// <summary>The three evidence figures, in the order the site lists them.</summary>
    public static IReadOnlyList<Figure> All(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return [OutcomesByIntervention(dataset), OutcomesBySource(dataset), HumanStudies(dataset)];
    }

    /// <summary>
    /// <c>preclinical-outcomes-by-intervention</c>: a heatmap of the outcome categories each preclinical study reports,
    /// by what was given (rows labelled in words, Table 2's strategies first, then Table 3's products).
    /// </summary>
    public static Figure OutcomesByIntervention(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return OutcomesBy("preclinical-outcomes-by-intervention", "Preclinical outcomes by intervention kind", dataset.Preclinical,
            p => InterventionKinds.Values.Label(p.InterventionKind), [.. InterventionKinds.Values.Categories.Select(c => c.Label)]);
    }

    /// <summary><c>preclinical-outcomes-by-source</c>: the same outcome categories by the MSCs' tissue of origin.</summary>
    public static Figure OutcomesBySource(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return OutcomesBy("preclinical-outcomes-by-source", "Preclinical outcomes by MSC source", dataset.Preclinical,
            p => MscSource.Values.Label(p.MscSource), [.. MscSource.Values.Categories.Select(c => c.Label)]);
    }

    /// <summary><c>human-studies</c>: the review's Table 4 by condition, stacked by MSC source.</summary>
    public static Figure HumanStudies(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return HumanStudies(dataset.HumanStudies);
    }

    /// <summary>Outcome categories of each study, "No category matched" for a result no rule matches.</summary>
    public static IReadOnlyList<string> OutcomeLabels(PreclinicalStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var found = PreclinicalOutcome.Classify(study.Result).Select(o => PreclinicalOutcome.Values.Label(o.Value)).ToList();
        return found.Count > 0 ? found : [NoOutcome];
    }

    /// <summary>Counts of studies per (row group, outcome) — the numbers the heatmap shows.</summary>
    public static (string[] Rows, string[] Columns, int[][] Counts) OutcomeMatrix(IReadOnlyList<PreclinicalStudy> studies,
        Func<PreclinicalStudy, string> group, IReadOnlyList<string>? rowOrder)
    {
        ArgumentNullException.ThrowIfNull(studies);
        var columns = PreclinicalOutcome.Values.Categories.Select(c => c.Label).Append(NoOutcome)
            .Where(label => studies.Any(s => OutcomeLabels(s).Contains(label))).ToArray();
        var rows = (rowOrder ?? [.. studies.Select(group).Distinct()]).Where(r => studies.Any(s => group(s) == r)).ToArray();
        var counts = rows.Select(r => columns.Select(c => studies.Count(s => group(s) == r && OutcomeLabels(s).Contains(c))).ToArray()).ToArray();
        return (rows, columns, counts);
    }

    private static Figure OutcomesBy(string name, string title, IReadOnlyList<PreclinicalStudy> studies,
        Func<PreclinicalStudy, string> group, IReadOnlyList<string> order)
    {
        var (rows, columns, counts) = OutcomeMatrix(studies, group, order);
        var trace = Plot.Heatmap(1, columns, rows, counts, "%{y} · %{x}<br>%{z} studies<extra></extra>");
        var panel = new Panel(title, [trace], new() { ["tickangle"] = -30, ["automargin"] = true, ["side"] = "bottom" },
            Plot.CategoryAxis(rows));
        var full = $"{title}: review Tables 2–3, n = {studies.Count} studies (a study counts in every outcome its result names)";
        return new Figure(name, title, Plot.Single(panel, full, width: 1000, height: 560));
    }

    private static Figure HumanStudies(IReadOnlyList<HumanStudy> studies)
    {
        var conditionOf = studies.ToDictionary(s => s, s => ConditionCategory.Classify(new StudyText { Conditions = [s.ConditionAsPrinted] }).Value);
        string Label(HumanStudy s) => conditionOf[s] is { Category: Condition.Cirrhosis, Subtype: { } sub }
            ? "Cirrhosis · " + ConditionCategory.Subtypes.Label(sub)
            : ConditionCategory.Values.Label(conditionOf[s].Category);
        var labels = studies.OrderBy(s => (int)conditionOf[s].Category).ThenBy(s => (int?)conditionOf[s].Subtype)
            .Select(Label).Distinct().ToArray();
        var traces = MscSource.Values.Order.Where(src => studies.Any(s => s.MscSource == src)).Select(src =>
        {
            var category = MscSource.Values[src];
            var counts = labels.Select(l => studies.Count(s => s.MscSource == src && Label(s) == l)).ToArray();
            var trace = Plot.Segment(1, category.Label, labels, counts, category.Color, studies.Count, blankZeros: true);
            trace.SetProperty("hovertemplate", $"%{{y}} · {category.Label}<br>%{{x}} studies (%{{customdata:.1f}}% of {studies.Count})<extra></extra>");
            return (Trace)trace;
        }).ToList();
        var panel = new Panel("Human studies", traces, Plot.CountAxis("Studies"), Plot.CategoryAxis(labels), ShowLegend: true);
        var title = $"Human studies of MSC therapy in liver disease by condition and MSC source: review Table 4, n = {studies.Count} (rows 1–15)";
        return new Figure("human-studies", "Human studies (Table 4)", Plot.Single(panel, title, width: 1000, height: 520));
    }
}
