using System.Globalization;
using Microsoft.Data.Analysis;
using MscAlf.Display;

namespace MscAlf.Concepts;

/// <summary>
/// Counts of one concept over a set of items, in the concept's display order, with the denominator stated.
/// For a multi-valued concept (countries) an item counts once in each of its categories, so the percentages
/// can add up to more than 100.
/// </summary>
/// <param name="Concept">What is counted (e.g. "Phase").</param>
/// <param name="Rows">One row per category, in display order.</param>
/// <param name="Denominator">The number of items counted (trials, studies).</param>
/// <param name="DenominatorNote">What the denominator is, in words (e.g. "69 trials, November-2021 population").</param>
/// <param name="MultiValued">True when an item can count in several categories.</param>
public sealed record Tally(string Concept, IReadOnlyList<TallyRow> Rows, int Denominator, string DenominatorNote, bool MultiValued)
    : ITabular
{
    /// <summary>The table's caption in a notebook: the concept, the denominator and what it is.</summary>
    string ITabular.Caption => $"{Concept}: n = {Denominator} ({DenominatorNote})";

    /// <summary>The count of the category with <paramref name="code"/> (0 when absent).</summary>
    public int this[string code] => Rows.FirstOrDefault(r => r.Category.Code == code)?.Count ?? 0;

    /// <summary>Counts one value per item.</summary>
    public static Tally Of<TItem, T>(ValueSet<T> set, IEnumerable<TItem> items, Func<TItem, T> value, string concept,
        string denominatorNote, bool includeEmpty = false)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(set);
        return OfMany(set.Categories, items, i => [set[value(i)].Code], concept, denominatorNote, includeEmpty, false);
    }

    /// <summary>Counts items in every category they name; categories appear in <paramref name="order"/>, then any others by count.</summary>
    public static Tally OfMany<TItem>(IReadOnlyList<Category> order, IEnumerable<TItem> items,
        Func<TItem, IEnumerable<Category>> categories, string concept, string denominatorNote, bool includeEmpty = false) =>
        OfMany(order, items, i => categories(i).Select(c => c.Code), concept, denominatorNote, includeEmpty, true,
            items.SelectMany(categories));

    private static Tally OfMany<TItem>(IReadOnlyList<Category> order, IEnumerable<TItem> items,
        Func<TItem, IEnumerable<string>> codes, string concept, string denominatorNote, bool includeEmpty, bool multi,
        IEnumerable<Category>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        var list = items.ToList();
        var counts = list.SelectMany(i => codes(i).Distinct()).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var known = order.Select(c => c.Code).ToHashSet();
        var others = (extra ?? []).DistinctBy(c => c.Code).Where(c => !known.Contains(c.Code))
            .OrderByDescending(c => counts.GetValueOrDefault(c.Code)).ThenBy(c => c.Label, StringComparer.Ordinal);
        var rows = order.Concat(others)
            .Select(c => new TallyRow(c, counts.GetValueOrDefault(c.Code), Percent(counts.GetValueOrDefault(c.Code), list.Count)))
            .Where(r => includeEmpty || r.Count > 0)
            .ToList();
        return new Tally(concept, rows, list.Count, denominatorNote, multi);
    }

    /// <summary>The tally as a DataFrame: code, label, n, percent, denominator.</summary>
    public DataFrame ToDataFrame() => new(
        new StringDataFrameColumn("code", Rows.Select(r => r.Category.Code)),
        new StringDataFrameColumn("label", Rows.Select(r => r.Category.Label)),
        new Int32DataFrameColumn("n", Rows.Select(r => r.Count)),
        new DoubleDataFrameColumn("percent", Rows.Select(r => Math.Round(r.Percent, 1))),
        new Int32DataFrameColumn("denominator", Rows.Select(_ => Denominator)));

    /// <summary>"n (p%)" for a row, as hover text and tables show it.</summary>
    public static string Format(TallyRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return string.Create(CultureInfo.InvariantCulture, $"{row.Count} ({row.Percent:0.0}%)");
    }

    private static double Percent(int count, int denominator) => denominator == 0 ? 0 : 100.0 * count / denominator;
}
