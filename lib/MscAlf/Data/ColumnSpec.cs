namespace MscAlf.Data;

/// <summary>The kinds of cell the data files hold; their names are the <c>type</c> column of the data dictionary.</summary>
public enum ColumnType
{
    /// <summary>Free text.</summary>
    Text,
    /// <summary>A whole number, 0 or more.</summary>
    Integer,
    /// <summary>An ISO date at year, month or day precision.</summary>
    Date,
    /// <summary>One value of a fixed set.</summary>
    Code,
    /// <summary>Text items separated by <c>|</c>.</summary>
    TextList,
    /// <summary>Values of a fixed set separated by <c>|</c>.</summary>
    CodeList,
    /// <summary>Whole numbers separated by <c>|</c>.</summary>
    IntegerList,
}

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

/// <summary>The columns of one data file and the columns whose combination must be unique.</summary>
/// <param name="FileName">The file name inside the data folder.</param>
/// <param name="Columns">The columns, in file order.</param>
/// <param name="Key">The columns that identify a row.</param>
public sealed record TableSchema(string FileName, IReadOnlyList<ColumnSpec> Columns, IReadOnlyList<string> Key);
