using MscAlf.Codes;

namespace MscAlf.Concepts;

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
