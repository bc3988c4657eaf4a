using System.Globalization;
using System.Numerics;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;
using MscAlf.IO;

namespace MscAlf.Registry;

/// <summary>
/// SQL over a database written by <c>import</c>, opened read-only and with external access off: a query can read the
/// database's tables (<c>trials</c>, <c>conditions</c>, <c>countries</c>, <c>interventions</c>, <c>phases</c>,
/// <c>imports</c>) but cannot change them, read or write other files, or attach other databases. Results come as a
/// Microsoft.Data.Analysis <see cref="DataFrame"/> (typed columns with nulls) or as CSV.
/// </summary>
public sealed class RegistryStore : IDisposable
{
    private readonly DuckDBConnection _connection;

    private RegistryStore(DuckDBConnection connection) => _connection = connection;

    /// <summary>The database file.</summary>
    public required string Path { get; init; }

    /// <summary>Opens <paramref name="database"/> read-only.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="StoreQueryException">It is not a DuckDB database.</exception>
    public static RegistryStore Open(string database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (FileIdentity.KindOf(database) != FileKind.Regular)
        {
            throw new FileNotFoundException($"{database}: no such database file (make one with `import … --out {System.IO.Path.GetFileName(database)}`)", database);
        }
        var connection = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY");
        try
        {
            connection.Open();
            TrialStore.Execute(connection, "SET enable_external_access = false");
            TrialStore.Execute(connection, "SET lock_configuration = true");
        }
        catch (DuckDBException ex)
        {
            connection.Dispose();
            throw new StoreQueryException($"{database}: not a readable DuckDB database ({OneLine(ex.Message)})", ex);
        }
        return new RegistryStore(connection) { Path = database };
    }

    /// <summary>Runs <paramref name="sql"/> on <paramref name="database"/> and returns the result as a DataFrame.</summary>
    public static DataFrame Query(string database, string sql)
    {
        using var store = Open(database);
        return store.Query(sql);
    }

    /// <summary>Runs <paramref name="sql"/> and returns the result as a DataFrame.</summary>
    public DataFrame Query(string sql)
    {
        using var command = Command(sql);
        using var reader = Execute(command);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => Column(reader.GetName(i), reader.GetFieldType(i))).ToList();
        while (Read(reader))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                Append(columns[i], reader.IsDBNull(i) ? null : reader.GetValue(i));
            }
        }
        return new DataFrame(columns);
    }

    /// <summary>Runs <paramref name="sql"/> and writes the result as CSV with a header line; returns the rows written.</summary>
    public long WriteCsv(string sql, TextWriter writer)
    {
        using var command = Command(sql);
        using var reader = Execute(command);
        using var csv = SafeCsv.Writer(writer);
        csv.Header(Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
        long rows = 0;
        while (Read(reader))
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                csv.Cell(Text(value), encode: value is string or null || !IsNumber(value));
            }
            csv.EndRow();
            rows++;
        }
        return rows;
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private DuckDBCommand Command(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private DuckDBDataReader Execute(DuckDBCommand command)
    {
        try
        {
            return (DuckDBDataReader)command.ExecuteReader();
        }
        catch (DuckDBException ex)
        {
            throw new StoreQueryException($"{Path}: the query failed: {OneLine(ex.Message)}", ex);
        }
    }

    private bool Read(DuckDBDataReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (DuckDBException ex)
        {
            throw new StoreQueryException($"{Path}: the query failed: {OneLine(ex.Message)}", ex);
        }
    }

    private static string OneLine(string message) => Located.Value(message.Split('\n')[0]);

    private static bool IsNumber(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal or BigInteger;

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items => string.Join('|', items.Cast<object?>().Select(Text)),
        _ => value.ToString(),
    };

    private static DataFrameColumn Column(string name, Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(short) || type == typeof(sbyte) || type == typeof(byte) || type == typeof(ushort) => new Int32DataFrameColumn(name),
        _ when type == typeof(long) || type == typeof(uint) || type == typeof(ulong) || type == typeof(BigInteger) => new Int64DataFrameColumn(name),
        _ when type == typeof(double) || type == typeof(float) => new DoubleDataFrameColumn(name),
        _ when type == typeof(decimal) => new DecimalDataFrameColumn(name),
        _ when type == typeof(bool) => new BooleanDataFrameColumn(name),
        _ when type == typeof(DateTime) || type == typeof(DateOnly) => new PrimitiveDataFrameColumn<DateTime>(name),
        _ => new StringDataFrameColumn(name),
    };

    private static void Append(DataFrameColumn column, object? value)
    {
        switch (column)
        {
            case Int32DataFrameColumn ints:
                ints.Append(value is null ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture));
                break;
            case Int64DataFrameColumn longs:
                longs.Append(value is null ? null : value is BigInteger big ? (long)big : Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case DoubleDataFrameColumn doubles:
                doubles.Append(value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case DecimalDataFrameColumn decimals:
                decimals.Append(value is null ? null : (decimal)value);
                break;
            case BooleanDataFrameColumn booleans:
                booleans.Append(value is null ? null : (bool)value);
                break;
            case PrimitiveDataFrameColumn<DateTime> dates:
                dates.Append(value switch { null => null, DateOnly d => d.ToDateTime(TimeOnly.MinValue), _ => (DateTime)value });
                break;
            case StringDataFrameColumn strings:
                strings.Append(Text(value));
                break;
        }
    }
}
