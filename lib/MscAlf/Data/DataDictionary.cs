using System.Text.RegularExpressions;
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

    /// <summary>
    /// Every problem of the dictionary in <paramref name="dataDirectory"/>: the file itself (its schema, at least one
    /// row), each row's allowed values (a <c>|</c>-separated list for code columns, a <c>^…$</c> regular expression that
    /// compiles for a pattern, nothing else), and its agreement with <paramref name="schemas"/> both ways (every column
    /// of every file documented in order with the same type, required flag and allowed values; nothing else documented).
    /// </summary>
    public static IReadOnlyList<DataError> Check(string dataDirectory, IReadOnlyList<TableSchema> schemas)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return [new DataError(path, 0, null, null, $"the file {FileName}; it does not exist")];
        }
        var (rows, errors) = CsvTable.Read(path, Schema, CsvTable.MaxCuratedFileBytes);
        if (errors.Count > 0)
        {
            return errors;
        }
        if (rows.Count == 0)
        {
            return [new DataError(path, 2, null, null, "at least one row; the file has a header and no rows")];
        }
        var found = new List<DataError>();
        found.AddRange(rows.SelectMany(r => CheckAllowedValues(path, r)));
        var files = schemas.Select(s => s.FileName).ToHashSet(StringComparer.Ordinal);
        found.AddRange(rows.Where(r => !files.Contains(r.Required("file"))).Select(r => new DataError(path, r.Line, "file", r.Required("file"),
            $"one of the data files ({string.Join(", ", files)})")));
        foreach (var schema in schemas)
        {
            found.AddRange(CompareWithSchema(path, schema, [.. rows.Where(r => r.Required("file") == schema.FileName)]));
        }
        return [.. found.OrderBy(e => e.Line)];
    }

    private static IEnumerable<DataError> CheckAllowedValues(string path, CsvRow row)
    {
        var allowed = row.Get("allowed_values");
        var type = Codes.CodeSet<ColumnType>.Parse(row.Required("type"));
        DataError Error(string expected) => new(path, row.Line, "allowed_values", allowed ?? "", expected);
        if (allowed is null)
        {
            if (type is ColumnType.Code or ColumnType.CodeList)
            {
                yield return Error($"the allowed values of a {row.Required("type")} column; it is empty");
            }
            yield break;
        }
        if (allowed.StartsWith('^'))
        {
            if (type is ColumnType.Code or ColumnType.CodeList)
            {
                yield return Error($"a '|'-separated list of values for a {row.Required("type")} column, not a pattern");
            }
            else if (!allowed.EndsWith('$') || !Compiles(allowed))
            {
                yield return Error("a regular expression from ^ to $ that compiles");
            }
            yield break;
        }
        if (type is not (ColumnType.Code or ColumnType.CodeList))
        {
            yield return Error($"nothing, or a ^…$ pattern, for a {row.Required("type")} column");
            yield break;
        }
        var items = allowed.Split(ColumnSpec.ListSeparator);
        if (items.Any(i => i.Length == 0 || i.Trim() != i))
        {
            yield return Error($"'{ColumnSpec.ListSeparator}'-separated values with no empty value and no spaces around one");
        }
        if (items.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            yield return Error($"each value once; '{twice.Key}' appears {twice.Count()} times");
        }
    }

    private static bool Compiles(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static IEnumerable<DataError> CompareWithSchema(string path, TableSchema schema, List<CsvRow> documented)
    {
        for (var i = 0; i < Math.Max(schema.Columns.Count, documented.Count); i++)
        {
            if (i >= documented.Count)
            {
                yield return new DataError(path, 0, "column", schema.Columns[i].Name,
                    $"a row documenting this column of {schema.FileName}; there is none");
                continue;
            }
            var row = documented[i];
            if (i >= schema.Columns.Count || row.Required("column") != schema.Columns[i].Name)
            {
                var expected = i < schema.Columns.Count ? $"'{schema.Columns[i].Name}' (the columns of {schema.FileName} in order)" : $"no further column for {schema.FileName}";
                yield return new DataError(path, row.Line, "column", row.Required("column"), expected);
                continue;
            }
            var spec = schema.Columns[i];
            if (row.Required("type") != spec.TypeName)
            {
                yield return new DataError(path, row.Line, "type", row.Required("type"), $"{spec.TypeName}, the type of {schema.FileName} column {spec.Name}");
            }
            if (row.Required("required") != (spec.Required ? "yes" : "no"))
            {
                yield return new DataError(path, row.Line, "required", row.Required("required"), $"{(spec.Required ? "yes" : "no")} for {schema.FileName} column {spec.Name}");
            }
            var allowed = spec.Pattern ?? string.Join(ColumnSpec.ListSeparator, spec.Allowed);
            if ((row.Get("allowed_values") ?? "") != allowed)
            {
                yield return new DataError(path, row.Line, "allowed_values", row.Get("allowed_values") ?? "",
                    allowed.Length == 0 ? $"nothing for {schema.FileName} column {spec.Name}" : $"'{allowed}', as the schema of {schema.FileName} says");
            }
        }
    }
}
