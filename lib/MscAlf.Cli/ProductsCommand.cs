using System.CommandLine;
using MscAlf.Jobs;

namespace MscAlf.Cli;

/// <summary>
/// <c>products INPUT --out candidates.csv [--products FILE]… [--skip-invalid]</c>: the sentences of registry records that
/// define a brand or code as MSCs, as product-list rows to review and pass to <c>import --products</c>:
/// <see cref="ProductsJob"/>.
/// </summary>
internal static class ProductsCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input")
        {
            Description = "The registry's bulk zip, a folder, an API v2 JSON file (study, array or /studies page) or a website CSV export.",
        };
        var output = new Option<string>("--out") { Description = "The candidates: a CSV file in the columns of a product list.", Required = true };
        var lists = new Option<string[]>("--products")
        {
            Description = "A product list whose names are known already and left out (the library's own always are); may be given more than once.",
            HelpName = "file",
        };
        var skip = new Option<bool>("--skip-invalid") { Description = "Skip records that cannot be read, reporting each one, instead of failing." };
        var command = new Command("products",
            "Find MSC products that registry records define (\"X is … mesenchymal stem cells\"): candidates to review for import --products.")
        {
            input, output, lists, skip,
        };
        command.SetAction(CliApp.Async((result, cancellation) => Task.FromResult(Run(
            new ProductsJobOptions
            {
                Input = result.GetValue(input)!, Output = result.GetValue(output)!, ProductLists = result.GetValue(lists) ?? [],
                SkipInvalid = result.GetValue(skip), Cancellation = cancellation,
            },
            CliApp.Out(result), CliApp.Err(result)))));
        return command;
    }

    private static int Run(ProductsJobOptions options, TextWriter stdout, TextWriter stderr)
    {
        stdout.WriteLine(ProductsJob.Run(options, stderr).Summary); // a failure reaches CliApp.Report
        return 0;
    }
}
