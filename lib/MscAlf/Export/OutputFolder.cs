using System.Globalization;
using System.Text.RegularExpressions;
using MscAlf.IO;
using MscAlf.Text;

namespace MscAlf.Export;

/// <summary>Checks an output folder before a long job writes into it, so that a bad <c>--out</c> fails at once and clearly.</summary>
public static partial class OutputFolder
{
    /// <summary>
    /// Creates <paramref name="path"/> when missing and checks that files can be written in it; removes temporary
    /// files (<c>name.&lt;pid&gt;.tmp</c>, see <see cref="AtomicFile"/>) that a killed earlier run left there. Throws
    /// <see cref="OutputLocationException"/> naming the folder when it is a file or cannot be created or written.
    /// </summary>
    public static void Prepare(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new OutputLocationException($"{SafeText.Escape(full)}: is a file; the output must be a folder.");
        }
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, string.Create(CultureInfo.InvariantCulture, $".mscalf-probe.{Environment.ProcessId}.tmp"));
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputLocationException($"{SafeText.Escape(full)}: cannot create or write the output folder ({ex.Message})", ex);
        }
        foreach (var leftover in Directory.EnumerateFiles(full, "*.tmp"))
        {
            var match = Temporary().Match(Path.GetFileName(leftover));
            if (match.Success && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var pid) && !TemporaryFolder.IsRunning(pid))
            {
                File.Delete(leftover);
            }
        }
    }

    [GeneratedRegex(@"\.([0-9]+)\.tmp$")]
    private static partial Regex Temporary();
}
