namespace MscAlf.Data;

/// <summary>One column of a data file: its name, type, whether a value is required and the values it allows.</summary>
/// <param name="Name">The header name.</param>
/// <param name="Type">The kind of value.</param>
/// <param name="Required">True when an empty cell is an error.</param>
/// <param name="Allowed">The allowed values of a code or code-list column, in display order; empty otherwise.</param>
public sealed record ColumnSpec(string Name, ColumnType Type, bool Required, IReadOnlyList<string> Allowed)
{
    /// <summary>The list separator of list columns.</summary>
    public const char ListSeparator = '|';

    /// <summary>A regular expression every value must match in full, or null (the dictionary lists it as allowed values).</summary>
    public string? Pattern { get; init; }

    /// <summary>The dictionary spelling of <see cref="Type"/> (<c>text_list</c>, …).</summary>
    public string TypeName => Codes.CodeSet<ColumnType>.Code(Type);
}
