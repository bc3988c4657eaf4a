using System.Globalization;

namespace MscAlf.Data;

/// <summary>One record of a validated data file: its cells by column name and the line it starts on.</summary>
/// <param name="Line">The 1-based line where the record starts.</param>
/// <param name="Cells">The raw cells by column name.</param>
public sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>The cell of <paramref name="column"/>, or null when it is empty.</summary>
    public string? Get(string column) => Cells[column] is { Length: > 0 } value ? value : null;

    /// <summary>The cell of a required column.</summary>
    public string Required(string column) =>
        Get(column) ?? throw new InvalidOperationException($"line {Line}: '{column}' is empty");

    /// <summary>The integer of an integer column, or null when empty.</summary>
    public int? Integer(string column) =>
        Get(column) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : null;

    /// <summary>The date of a date column, or null when empty.</summary>
    public PartialDate? Date(string column) => Get(column) is { } text ? PartialDate.Parse(text) : null;

    /// <summary>The items of a list column (empty when the cell is empty).</summary>
    public IReadOnlyList<string> List(string column) =>
        Get(column) is { } text ? text.Split(ColumnSpec.ListSeparator) : [];

    /// <summary>The numbers of an integer-list column (empty when the cell is empty).</summary>
    public IReadOnlyList<int> Integers(string column) =>
        [.. List(column).Select(item => int.Parse(item, NumberStyles.None, CultureInfo.InvariantCulture))];

    /// <summary>The member of a code column, or null when empty.</summary>
    public T? Code<T>(string column)
        where T : struct, Enum =>
        Get(column) is { } text ? Codes.CodeSet<T>.Parse(text) : null;
}
