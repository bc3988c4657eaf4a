using System.Globalization;
using System.Text;
using MscAlf.Codes;

namespace MscAlf.Data;

/// <summary>A short plain-text account of a loaded dataset: rows per file, scopes, the population and its MSC sources.</summary>
public static class DatasetSummary
{
    /// <summary>The summary printed by <c>validate</c>; it fits on one screen.</summary>
    public static string Describe(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Data folder: {dataset.Directory}");
        text.AppendLine(inv, $"  {Trial.Schema.FileName,-20}{dataset.Trials.Count,5} rows");
        var byTable = string.Join(", ", dataset.Preclinical.GroupBy(p => p.Table).Select(g => $"Table {g.Key}: {g.Count()}"));
        text.AppendLine(inv, $"  {PreclinicalStudy.Schema.FileName,-20}{dataset.Preclinical.Count,5} rows ({byTable})");
        text.AppendLine(inv, $"  {HumanStudy.Schema.FileName,-20}{dataset.HumanStudies.Count,5} rows (Table 4)");
        text.AppendLine("Trials by scope:");
        AppendCounts(text, CodeSet<Scope>.Values, dataset.Trials, t => t.Scope);
        var population = dataset.November2021Trials;
        text.AppendLine(inv, $"November-2021 population (in_scope, first posted before {Population.Cutoff}): {population.Count} trials");
        text.AppendLine("  by MSC source:");
        AppendCounts(text, CodeSet<MscSourceCode>.Values, population, t => t.MscSource, indent: "    ");
        return text.ToString();
    }

    private static void AppendCounts<T>(StringBuilder text, IReadOnlyList<T> order, IReadOnlyList<Trial> trials,
        Func<Trial, T> key, string indent = "  ")
        where T : struct, Enum
    {
        foreach (var value in order)
        {
            var n = trials.Count(t => key(t).Equals(value));
            if (n > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{indent}{CodeSet<T>.Code(value),-24}{n,5}");
            }
        }
    }
}
