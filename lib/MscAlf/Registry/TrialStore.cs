using System.Globalization;
using DuckDB.NET.Data;

namespace MscAlf.Registry;

/// <summary>
/// The tables of an import database: <c>trials</c> with the columns of the import CSV (text as VARCHAR, dates as ISO
/// text that keeps the registry's precision, enrollment as INTEGER, lists <c>|</c>-separated), one row per NCT id; and
/// child tables with one row per item, for natural queries: <c>conditions</c>, <c>countries</c> (with the ISO code),
/// <c>interventions</c> (type and name) and <c>phases</c>. <c>imports</c> logs each import run.
/// </summary>
public static class TrialStore
{
    /// <summary>The column of <c>trials</c> that is a whole number; every other one is text.</summary>
    public const string IntegerColumn = "enrollment";

    /// <summary>The columns of <c>trials</c>, in order.</summary>
    public static IReadOnlyList<string> TrialColumns { get; } = [.. ImportedTrialsCsv.Schema.Columns.Select(c => c.Name)];

    /// <summary>The child tables and their columns after <c>nct_id</c> and <c>ordinal</c>.</summary>
    public static IReadOnlyDictionary<string, string[]> ChildTables { get; } = new Dictionary<string, string[]>
    {
        ["conditions"] = ["condition"],
        ["countries"] = ["country", "country_code"],
        ["interventions"] = ["type", "name"],
        ["phases"] = ["phase"],
    };

    /// <summary>The DDL of <c>trials</c> (the given name) with optional leading columns.</summary>
    internal static string TrialsDdl(string table, string leading = "") =>
        $"CREATE TABLE {table} ({leading}{string.Join(", ", TrialColumns.Select(c => $"{c} {(c == IntegerColumn ? "INTEGER" : "VARCHAR")}"))})";

    /// <summary>The DDL of a child table.</summary>
    internal static string ChildDdl(string table, string name, string leading = "nct_id VARCHAR, ") =>
        $"CREATE TABLE {table} ({leading}ordinal INTEGER, {string.Join(", ", ChildTables[name].Select(c => $"{c} VARCHAR"))})";

    /// <summary>Creates the tables in an empty database.</summary>
    internal static void CreateSchema(DuckDBConnection connection)
    {
        Execute(connection, TrialsDdl("trials"));
        foreach (var name in ChildTables.Keys)
        {
            Execute(connection, ChildDdl(name, name));
        }
        Execute(connection, ImportsDdl);
    }

    /// <summary>The DDL of <c>imports</c>, the log of import runs.</summary>
    internal const string ImportsDdl =
        "CREATE TABLE imports (imported_at TIMESTAMP, input VARCHAR, records BIGINT, imported BIGINT, skipped BIGINT, merged BIGINT, kept_stored BIGINT)";

    /// <summary>Null when the database holds this project's tables (or none yet); otherwise what is wrong.</summary>
    internal static string? SchemaProblem(DuckDBConnection connection)
    {
        var columns = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = 'trials' ORDER BY ordinal_position";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
            }
        }
        if (columns.Count == 0)
        {
            return Scalar(connection, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main'") == 0
                ? null
                : "a DuckDB database without this project's trials table; import into a new file or one made by import";
        }
        return columns.SequenceEqual(TrialColumns, StringComparer.Ordinal)
            ? null
            : $"its trials table has other columns ({string.Join(", ", columns.Take(5))}…) than import writes; import into a new file";
    }

    internal static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Single quotes for a SQL string literal.</summary>
    internal static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
