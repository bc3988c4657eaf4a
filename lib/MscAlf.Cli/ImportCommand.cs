using System.CommandLine;
using MscAlf.Jobs;

namespace MscAlf.Cli;

/// <summary>
/// <c>import INPUT --out X.duckdb|X.csv|X.parquet [--skip-invalid] [--products FILE]…</c>: registry exports (the bulk zip, a folder,
/// API v2 JSON, the website's CSV) into the trials schema with the derived columns, streamed: <see cref="ImportJob"/>.
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
        var products = new Option<string[]>("--products")
        {
            Description = "An MSC product list to add to the library's own (columns of lib/MscAlf/Assets/msc_products.csv; " +
                "`products` writes candidates to review); may be given more than once.",
            HelpName = "file",
        };
        var command = new Command("import", "Import registry records into the trials schema, with the derived concepts.") { input, output, skip, products };
        // On the thread pool, so that an interrupt cancels the import (which then removes its temporary files) instead
        // of waiting for it.
        command.SetAction(CliApp.Async((result, cancellation) => Task.FromResult(Run(
            new ImportJobOptions
            {
                Input = result.GetValue(input)!, Output = result.GetValue(output)!, SkipInvalid = result.GetValue(skip),
                ProductLists = result.GetValue(products) ?? [],
                Cancellation = cancellation,
            },
            CliApp.Out(result), CliApp.Err(result)))));
        return command;
    }

    private static int Run(ImportJobOptions options, TextWriter stdout, TextWriter stderr)
    {
        stdout.WriteLine(ImportJob.Run(options, stdout, stderr).Summary); // a failure reaches CliApp.Report
        return 0;
    }
}
