using System.CommandLine;
using System.Globalization;
using MscAlf.IO;
using MscAlf.Jobs;
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
            var stdout = CliApp.Out(result);
            var (oldPath, newPath) = (result.GetValue(old)!.FullName, result.GetValue(@new)!.FullName);
            try
            {
                foreach (var input in new[] { oldPath, newPath })
                {
                    if (FileIdentity.KindOf(input) != FileKind.Regular)
                    {
                        throw new JobFailedException($"{Located.Value(input)}: {(FileIdentity.KindOf(input) == FileKind.Directory ? "is a folder; diff compares two trials files" : "no such trials file")}");
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
            catch (Exception ex) when (ex is IOException and not (FileNotFoundException or DirectoryNotFoundException or OutputLocationException)
                or UnauthorizedAccessException)
            {
                // A failure the message may not locate: name the file. Every other failure reaches CliApp.Report as it is.
                throw new JobFailedException($"{Located.Value(result.GetValue(output)?.FullName ?? oldPath)}: {Located.Value(ex.Message)}", ex);
            }
        });
        return command;
    }
}
