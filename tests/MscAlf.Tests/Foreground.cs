using System.Diagnostics;
using System.Globalization;

namespace MscAlf.Tests;

/// <summary>
/// Starts a child as a foreground command would run, with Ctrl+C (SIGINT) delivered. A test run started in the
/// background (by `nohup`, `&amp;`, some CI runners) inherits SIGINT as ignored, and .NET, rightly, keeps an ignored
/// SIGINT ignored in every child: the tests that send SIGINT would then test nothing. Where SIGINT is ignored here,
/// the child is started through Python, which puts SIGINT back to its default and then becomes the command.
/// </summary>
internal static class Foreground
{
    private const string ResetAndExec =
        "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])";

    /// <summary>True when this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status).</summary>
    public static bool SigintIgnored()
    {
        var line = File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))
            : null;
        return line is not null && (ulong.Parse(line[7..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & 0x2) != 0;
    }

    /// <summary><paramref name="start"/>, or the same command started with SIGINT at its default when it is ignored here.</summary>
    public static ProcessStartInfo Wrap(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (!SigintIgnored())
        {
            return start;
        }
        var wrapped = new ProcessStartInfo(Notebooks.NbformatFactAttribute.Python)
        {
            RedirectStandardError = start.RedirectStandardError, RedirectStandardOutput = start.RedirectStandardOutput,
            RedirectStandardInput = start.RedirectStandardInput, WorkingDirectory = start.WorkingDirectory,
        };
        foreach (var argument in new[] { "-c", ResetAndExec, start.FileName }.Concat(start.ArgumentList))
        {
            wrapped.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in start.Environment)
        {
            wrapped.Environment[name] = value;
        }
        return wrapped;
    }
}
