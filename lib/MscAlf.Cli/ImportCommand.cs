using System.CommandLine;
using MscAlf.Registry;

namespace MscAlf.Cli;

/// <summary>
/// <c>import FILE-OR-DIR --out TRIALS.csv [--skip-invalid]</c>: registry exports (website CSV, API v2 JSON) into the
/// trials.csv schema with the derived columns.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A CSV export, an API v2 JSON file, or a folder of JSON files." };
        var output = new Option<FileInfo>("--out") { Description = "The CSV to write (trials.csv schema plus derived columns).", Required = true };
        var skip = new Option<bool>("--skip-invalid") { Description = "Skip invalid records, reporting each one, instead of failing." };
        var command = new Command("import", "Import registry records into the trials.csv schema, with the derived concepts.") { input, output, skip };
        command.SetAction(result => Run(result.GetValue(input)!, result.GetValue(output)!.FullName, result.GetValue(skip),
            CliApp.Out(result), CliApp.Err(result)));
        return command;
    }

    public static int Run(string input, string output, bool skipInvalid, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(input) && !Directory.Exists(input))
        {
            stderr.WriteLine($"{input}: no such file or folder");
            return CliApp.Failure;
        }
        var read = Read(input);
        var imported = new List<ImportedTrial>();
        var errors = new List<RecordError>(read.Errors);
        foreach (var group in read.Studies.GroupBy(s => s.NctId))
        {
            // The same study in two files (overlapping pages, a rerun) is one record: keep the last read, say so.
            var study = group.Last();
            if (group.Count() > 1)
            {
                stdout.WriteLine($"  {study.NctId} appears {group.Count()} times ({string.Join(", ", group.Select(s => s.Origin))}); kept {study.Origin}");
            }
            var (trial, problems) = RegistryImport.Import(study);
            errors.AddRange(problems);
            if (trial is not null)
            {
                imported.Add(trial);
            }
        }
        if (errors.Count > 0)
        {
            var writer = skipInvalid ? stdout : stderr;
            foreach (var error in errors)
            {
                writer.WriteLine($"  {(skipInvalid ? "skipped " : "")}{error}");
            }
            if (!skipInvalid)
            {
                stderr.WriteLine($"{errors.Count} invalid record(s); nothing written. Fix them or pass --skip-invalid.");
                return CliApp.Failure;
            }
        }
        ImportedTrialsCsv.Write(output, imported);
        TrialFiles.Read(output); // the file must read back under its own schema
        var liver = imported.Count(t => t.IsLiver);
        var duplicates = read.Studies.Count - read.Studies.DistinctBy(s => s.NctId).Count();
        stdout.WriteLine($"Read {read.RecordsRead} records; imported {imported.Count} ({liver} liver, {imported.Count - liver} not liver); " +
            $"skipped {errors.Select(e => e.Origin).Distinct().Count()} invalid; merged {duplicates} duplicates; wrote {output}");
        return 0;
    }

    /// <summary>Reads a CSV export or API JSON (file or folder), by extension.</summary>
    public static ReadResult Read(string input) =>
        File.Exists(input) && input.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? CsvExportReader.Read(input)
            : ApiJsonReader.Read(input);
}
