using Microsoft.Data.Analysis;

namespace MscAlf.Data;

/// <summary>The data dictionary (<c>data/data-dictionary.csv</c>): one row per column of every data file.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "\"Data dictionary\" is the domain term.")]
public static class DataDictionary
{
    /// <summary>The dictionary's file name inside the data folder.</summary>
    public const string FileName = "data-dictionary.csv";

    /// <summary>The dictionary's own schema.</summary>
    public static TableSchema Schema { get; } = new(FileName,
    [
        new("file", ColumnType.Text, true, []),
        new("column", ColumnType.Text, true, []),
        new("type", ColumnType.Code, true, Codes.CodeSet<ColumnType>.Codes),
        new("required", ColumnType.Code, true, ["yes", "no"]),
        new("allowed_values", ColumnType.Text, false, []),
        new("unit", ColumnType.Text, false, []),
        new("description", ColumnType.Text, true, []),
        new("source", ColumnType.Text, true, []),
    ], ["file", "column"]);

    /// <summary>Reads and validates the dictionary; throws <see cref="DataValidationException"/> when it is malformed.</summary>
    public static IReadOnlyList<CsvRow> Rows(string? dataDirectory = null)
    {
        var path = Path.Combine(dataDirectory ?? Dataset.FindDataDirectory(), FileName);
        var (rows, errors) = CsvTable.Read(path, Schema);
        return errors.Count > 0 ? throw new DataValidationException(errors) : rows;
    }

    /// <summary>The dictionary as a DataFrame (all columns text).</summary>
    public static DataFrame Load(string? dataDirectory = null)
    {
        var rows = Rows(dataDirectory);
        return new DataFrame(Schema.Columns.Select(c => (DataFrameColumn)new StringDataFrameColumn(c.Name, rows.Select(r => r.Get(c.Name)))));
    }
}
