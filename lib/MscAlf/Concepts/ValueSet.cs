using MscAlf.Codes;

namespace MscAlf.Concepts;

/// <summary>One category of a concept as figures and tallies show it: code, display label and colour.</summary>
/// <param name="Code">The snake_case code (or, for countries, the ISO alpha-3 code).</param>
/// <param name="Label">The display label.</param>
/// <param name="Color">The colour every figure uses for this category (CSS hex).</param>
public sealed record Category(string Code, string Label, string Color);

/// <summary>A value with the text that decided it (null when nothing matched and the rule fell through).</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Evidence">The registry text the rule matched, verbatim.</param>
public sealed record Classified<T>(T Value, string? Evidence);

/// <summary>
/// The explicit value set of a concept: every member with its label and colour, in the fixed display order
/// that every figure and tally uses.
/// </summary>
/// <typeparam name="T">The enum holding the values.</typeparam>
public sealed class ValueSet<T>
    where T : struct, Enum
{
    private readonly Dictionary<T, Category> _categories;

    /// <summary>Creates the set; <paramref name="members"/> gives the display order and must cover the whole enum.</summary>
    public ValueSet(params (T Value, string Label, string Color)[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var missing = Enum.GetValues<T>().Except(members.Select(m => m.Value)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"{typeof(T).Name}: no label for {string.Join(", ", missing)}", nameof(members));
        }
        Order = [.. members.Select(m => m.Value)];
        _categories = members.ToDictionary(m => m.Value, m => new Category(CodeSet<T>.Code(m.Value), m.Label, m.Color));
    }

    /// <summary>The members in display order.</summary>
    public IReadOnlyList<T> Order { get; }

    /// <summary>The categories in display order.</summary>
    public IReadOnlyList<Category> Categories => [.. Order.Select(v => _categories[v])];

    /// <summary>The category (code, label, colour) of <paramref name="value"/>.</summary>
    public Category this[T value] => _categories[value];

    /// <summary>The display label of <paramref name="value"/>.</summary>
    public string Label(T value) => _categories[value].Label;
}

/// <summary>The project's colours: one qualitative palette, and grey for unknown.</summary>
public static class Palette
{
    /// <summary>Grey, for unknown and not-applicable categories.</summary>
    public const string Unknown = "#9E9E9E";

    /// <summary>A colour-blind-safe qualitative palette (Okabe–Ito first, then further distinct hues).</summary>
    public static IReadOnlyList<string> Qualitative { get; } =
    [
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
        "#8C564B", "#17BECF", "#BCBD22", "#6A3D9A", "#B15928", "#1B9E77",
    ];

    /// <summary>The <paramref name="index"/>-th palette colour (wrapping round).</summary>
    public static string At(int index) => Qualitative[index % Qualitative.Count];
}
