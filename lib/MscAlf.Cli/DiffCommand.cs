using System.CommandLine;
using System.Globalization;
using MscAlf.Data;
using MscAlf.Export;
using MscAlf.Registry;

namespace MscAlf.Cli;

/// <summary><c>diff OLD.csv NEW.csv [--out CHANGES.csv]</c>: what changed between two trial files.</summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var old = new Argument<FileInfo>("old") { Description = "The earlier trials file (data/trials.csv or an import)." };
        var @new = new Argument<FileInfo>("new") { Description = "The later trials file." };
        var output = new Option<FileInfo?>("--out") { Description = "Also write the changes as CSV here." };
        var command = new Command("diff", "Report new and vanished trials and status, enrollment and phase changes.") { old, @new, output };
        command.SetAction(result =>
        {
            var (stdout, stderr) = (CliApp.Out(result), CliApp.Err(result));
            try
            {
                var changes = TrialDiff.Compare(TrialFiles.Read(result.GetValue(old)!.FullName), TrialFiles.Read(result.GetValue(@new)!.FullName));
                stdout.Write(TrialDiff.ToTable(changes));
                if (result.GetValue(output) is { } file)
                {
                    AtomicFile.WriteAllText(file.FullName, TrialDiff.ToCsv(changes));
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {changes.Count} changes to {file.FullName}"));
                }
                return 0;
            }
            catch (Exception ex) when (ex is DataValidationException or FileNotFoundException or DirectoryNotFoundException)
            {
                stderr.WriteLine(ex.Message);
                return CliApp.Failure;
            }
        });
        return command;
    }
}
