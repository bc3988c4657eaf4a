using System.CommandLine;
using MscAlf.Data;

namespace MscAlf.Cli;

/// <summary><c>validate [--data DIR]</c>: checks every data file and prints a summary, or every error found.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var data = CliApp.DataOption();
        var command = new Command("validate", "Check the data files against their schema and print a summary.") { data };
        command.SetAction(result =>
        {
            var (output, error) = (CliApp.Out(result), CliApp.Err(result));
            try
            {
                var dataset = Dataset.Load(result.GetValue(data)?.FullName);
                output.Write(DatasetSummary.Describe(dataset));
                output.WriteLine("All data files are valid.");
                return 0;
            }
            catch (DataValidationException ex)
            {
                error.WriteLine(ex.Message);
                return CliApp.Failure;
            }
            catch (DirectoryNotFoundException ex)
            {
                error.WriteLine(ex.Message);
                return CliApp.Failure;
            }
        });
        return command;
    }
}
