using System.CommandLine;
using System.Globalization;
using DuckDB.NET.Data;
using MscAlf.IO;
using MscAlf.Registry;

namespace MscAlf.Cli;

/// <summary>
/// <c>import INPUT --out X.duckdb|X.csv|X.parquet [--skip-invalid]</c>: registry exports (the bulk zip, a folder,
/// API v2 JSON, the website's CSV) into the trials schema with the derived columns, streamed.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input")
        {
            Description = "The registry's bulk zip, a folder, an API v2 JSON file (study, array or /studies page) or a website CSV export.",
        };
        var output = new Option<string>("--out") { Description = "The output: X.duckdb (a database, upserted), X.csv or X.parquet.", Required = true };
        var skip = new Option<bool>("--skip-invalid") { Description = "Skip invalid records, reporting each one, instead of failing." };
        var command = new Command("import", "Import registry records into the trials schema, with the derived concepts.") { input, output, skip };
        command.SetAction(result => Run(result.GetValue(input)!, result.GetValue(output)!, result.GetValue(skip),
            CliApp.Out(result), CliApp.Err(result)));
        return command;
    }

    public static int Run(string input, string output, bool skipInvalid, TextWriter stdout, TextWriter stderr)
    {
        if (FileIdentity.KindOf(input) == FileKind.Missing)
        {
            stderr.WriteLine($"{Located.Value(input)}: no such file or folder");
            return CliApp.Failure;
        }
        try
        {
            OutputGuard.CheckFile(output, [input]);
            var options = new ImportOptions { SkipInvalid = skipInvalid, Progress = stdout, Problems = stderr };
            var summary = RegistryImporter.Run(input, output, options);
            var database = output.EndsWith(".duckdb", StringComparison.OrdinalIgnoreCase);
            var stored = database
                ? string.Create(CultureInfo.InvariantCulture, $"kept {summary.KeptStored} stored trials updated more recently; the database holds {summary.Total} trials; ")
                : "";
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Read {summary.Read} records; imported {summary.Imported} ({summary.Liver} liver, {summary.Imported - summary.Liver} not liver); skipped {summary.Skipped} invalid; merged {summary.Merged} duplicates; {stored}wrote {Path.GetFullPath(output)}"));
            return 0;
        }
        catch (ImportFailedException ex)
        {
            stderr.WriteLine(ex.Message);
            return CliApp.Failure;
        }
        catch (Exception ex) when (ex is OutputRefusedException or ArgumentException)
        {
            stderr.WriteLine(ex.Message);
            return CliApp.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DuckDBException)
        {
            stderr.WriteLine($"{Located.Value(output)}: cannot write the output ({Located.Value(ex.Message.Split('\n')[0])}); nothing was changed");
            return CliApp.Failure;
        }
    }
}
