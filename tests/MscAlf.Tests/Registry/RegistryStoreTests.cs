using DuckDB.NET.Data;
using Microsoft.Data.Analysis;
using MscAlf.Registry;
using CliRunner = MscAlf.Tests.Cli.Cli;

namespace MscAlf.Tests.Registry;

/// <summary>The import database as notebooks and the query verb see it, and the Parquet output.</summary>
public sealed class RegistryStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mscalf-store-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Query_WhenSqlOverTheImport_ReturnsTypedColumnsWithNulls()
    {
        var database = Path.Combine(_dir, "registry.duckdb");
        Assert.Equal(0, (await CliRunner.RunAsync("import", Fixtures.Json, "--out", database)).Code);
        var frame = RegistryStore.Query(database, """
            SELECT t.nct_id, t.enrollment, count(c.country) AS countries
            FROM trials t LEFT JOIN countries c USING (nct_id)
            GROUP BY t.nct_id, t.enrollment ORDER BY t.nct_id
            """);
        Assert.Equal(7, frame.Rows.Count);
        Assert.IsType<StringDataFrameColumn>(frame["nct_id"]);
        Assert.IsType<Int32DataFrameColumn>(frame["enrollment"]);
        Assert.IsType<Int64DataFrameColumn>(frame["countries"]);
        var index = frame["nct_id"].Cast<string>().ToList().IndexOf("NCT02552212");
        Assert.Equal(9L, frame["countries"][index]); // the nine countries of its sites, one row each
    }

    [Fact]
    public async Task Import_WhenOutIsParquet_WritesTheSameColumnsAndRows()
    {
        var parquet = Path.Combine(_dir, "trials.parquet");
        Assert.Equal(0, (await CliRunner.RunAsync("import", Fixtures.Csv, "--out", parquet)).Code);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*), count(DISTINCT nct_id), min(curation) FROM read_parquet('{parquet}')";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((25L, 25L, "automatic"), (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
        reader.Close();
        command.CommandText = $"SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('{parquet}'))";
        using var columns = command.ExecuteReader();
        var names = new List<string>();
        while (columns.Read())
        {
            names.Add(columns.GetString(0));
        }
        Assert.Equal(ImportedTrialsCsv.Schema.Columns.Select(c => c.Name), names);
    }
}
