using System.CommandLine;
using System.Globalization;
using MscAlf.IO;
using MscAlf.Jobs;
using MscAlf.Registry;

namespace MscAlf.Cli;

/// <summary><c>query DB "SQL" [--out X.csv]</c>: SQL over an import database, printed (or written) as CSV with a header line.</summary>
internal static class QueryCommand
{
    public static Command Create()
    {
        var database = new Argument<string>("database") { Description = "A database written by import (X.duckdb)." };
        var sql = new Argument<string>("sql") { Description = "The SQL, e.g. \"SELECT msc_source, count(*) FROM trials GROUP BY 1\"." };
        var output = new Option<string?>("--out") { Description = "Write the CSV here instead of printing it." };
        var command = new Command("query", "Run SQL on an import database (read-only) and print the result as CSV.") { database, sql, output };
        command.SetAction(result => Run(result.GetValue(database)!, result.GetValue(sql)!, result.GetValue(output), CliApp.Out(result)));
        return command;
    }

    private static int Run(string database, string sql, string? output, TextWriter stdout)
    {
        try
        {
            if (output is not null)
            {
                OutputGuard.CheckFile(output, [database]);
            }
            using var store = RegistryStore.Open(database);
            if (output is null)
            {
                store.WriteCsv(sql, stdout);
                return 0;
            }
            long rows = 0;
            AtomicOutput.WriteText(output, writer => rows = store.WriteCsv(sql, writer));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {rows} rows to {Path.GetFullPath(output)}"));
            return 0;
        }
        catch (Exception ex) when (ex is IOException and not FileNotFoundException or UnauthorizedAccessException)
        {
            // A failure the message may not locate: name the file. Every other failure reaches CliApp.Report as it is.
            throw new JobFailedException($"{Located.Value(output ?? database)}: {Located.Value(ex.Message)}", ex);
        }
    }
}
