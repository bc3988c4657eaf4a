using System.CommandLine;
using MscAlf.Data;

namespace MscAlf.Cli;

/// <summary><c>validate [--data DIR]</c>: checks every data file and prints a summary, or every error found.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var data = CliApp.DataOption();
        var command = new Command("validate", "Check the data files and the data dictionary, and print a summary.") { data };
        command.SetAction(result =>
        {
            // Errors (bad data, a missing folder, an unreadable file) go to the one error path in CliApp.
            var dataset = Dataset.Load(result.GetValue(data)?.FullName);
            var output = CliApp.Out(result);
            output.Write(DatasetSummary.Describe(dataset));
            output.WriteLine("All data files are valid.");
            return 0;
        });
        return command;
    }
}
