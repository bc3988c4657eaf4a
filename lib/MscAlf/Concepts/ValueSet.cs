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
    // Arrays in display order and plain loops rather than LINQ and a Dictionary keyed by T: each framework generic over
    // an enum of ours is compiled at run time (ReadyToRun cannot precompile it), for every concept a process touches
    // (measured: docs/performance.md). A value set holds at most a few dozen members.
    private readonly T[] _order;
    private readonly Category[] _categories;

    /// <summary>Creates the set; <paramref name="members"/> gives the display order and must cover the whole enum.</summary>
    public ValueSet(params (T Value, string Label, string Color)[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        _order = new T[members.Length];
        _categories = new Category[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            if (IndexOf(members[i].Value, i) >= 0)
            {
                throw new ArgumentException($"{typeof(T).Name}: {members[i].Value} is listed twice", nameof(members));
            }
            _order[i] = members[i].Value;
            _categories[i] = new Category(CodeSet<T>.Code(members[i].Value), members[i].Label, members[i].Color);
        }
        var missing = new List<string>();
        var all = EnumValue.All<T>();
        for (var i = 0; i < all.Length; i++)
        {
            if (IndexOf(all[i], _order.Length) < 0)
            {
                missing.Add(all[i].ToString());
            }
        }
        if (missing.Count > 0)
        {
            throw new ArgumentException($"{typeof(T).Name}: no label for {string.Join(", ", missing)}", nameof(members));
        }
        Order = Array.AsReadOnly(_order);
    }

    /// <summary>The members in display order.</summary>
    public IReadOnlyList<T> Order { get; }

    /// <summary>The categories in display order.</summary>
    public IReadOnlyList<Category> Categories => [.. _categories];

    /// <summary>The category (code, label, colour) of <paramref name="value"/>.</summary>
    public Category this[T value] =>
        IndexOf(value, _order.Length) is var i and >= 0 ? _categories[i] : throw new KeyNotFoundException($"{typeof(T).Name}: {value} is not in the value set");

    /// <summary>The display label of <paramref name="value"/>.</summary>
    public string Label(T value) => this[value].Label;

    /// <summary>The position of <paramref name="value"/> among the first <paramref name="count"/> members, or -1.</summary>
    private int IndexOf(T value, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (EnumValue.Of(_order[i]) == EnumValue.Of(value))
            {
                return i;
            }
        }
        return -1;
    }
}
