using System.CommandLine;
using System.Globalization;
using MscAlf.Data;
using MscAlf.IO;
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
            var (oldPath, newPath) = (result.GetValue(old)!.FullName, result.GetValue(@new)!.FullName);
            try
            {
                foreach (var input in new[] { oldPath, newPath })
                {
                    if (FileIdentity.KindOf(input) != FileKind.Regular)
                    {
                        stderr.WriteLine($"{Located.Value(input)}: {(FileIdentity.KindOf(input) == FileKind.Directory ? "is a folder; diff compares two trials files" : "no such trials file")}");
                        return CliApp.Failure;
                    }
                }
                if (result.GetValue(output) is { } target)
                {
                    OutputGuard.CheckFile(target.FullName, [oldPath, newPath]);
                }
                var changes = TrialDiff.Compare(TrialFiles.Read(oldPath), TrialFiles.Read(newPath));
                stdout.Write(TrialDiff.ToTable(changes));
                if (result.GetValue(output) is { } file)
                {
                    AtomicOutput.WriteText(file.FullName, writer => TrialDiff.WriteCsv(changes, writer));
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {changes.Count} changes to {file.FullName}"));
                }
                return 0;
            }
            catch (Exception ex) when (ex is DataValidationException or FileNotFoundException or DirectoryNotFoundException or OutputRefusedException)
            {
                stderr.WriteLine(ex.Message);
                return CliApp.Failure;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"{Located.Value(result.GetValue(output)?.FullName ?? oldPath)}: {Located.Value(ex.Message)}");
                return CliApp.Failure;
            }
        });
        return command;
    }
}
