using System.Diagnostics;

namespace MscAlf.Export;

/// <summary>
/// Headless Chromium, run as a command with a fresh profile and no background network traffic. Every browser this
/// class starts ends with the job: on success, on a timeout, when the job is cancelled (SIGINT, SIGTERM through the
/// command line's cancellation) and, as a last resort, when this process exits.
/// </summary>
public static class Browser
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];
    private static readonly HashSet<Process> Running = [];

    static Browser() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        KillAll();
        TemporaryFolder.DeleteAll();
    };

    /// <summary>The environment variable that names the browser executable.</summary>
    public const string Variable = "MSCALF_CHROMIUM";

    /// <summary>The browser executable, or null when none is installed.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } explicitPath)
        {
            return File.Exists(explicitPath) ? explicitPath : null;
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return Names
            .SelectMany(name => path.Split(Path.PathSeparator).Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Loads <paramref name="htmlFile"/> in headless Chromium with every host unresolvable (no network), lets
    /// its scripts run for up to <paramref name="budget"/> of virtual time, and returns the DOM it ends with and
    /// the browser's log (console messages included). The browser is killed and its profile deleted when
    /// <paramref name="timeout"/> passes (<see cref="BrowserJobException"/>) or <paramref name="cancellation"/> fires
    /// (<see cref="OperationCanceledException"/>).
    /// </summary>
    public static (string Dom, string Log) DumpDom(string htmlFile, TimeSpan budget, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var executable = Find() ?? throw new BrowserNotFoundException();
        cancellation.ThrowIfCancellationRequested();
        TemporaryFolder.SweepStale();
        using var profile = TemporaryFolder.Create("chromium");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0",
            $"--user-data-dir={profile.Path}",
            $"--virtual-time-budget={(int)budget.TotalMilliseconds}", "--run-all-compositor-stages-before-draw",
            "--dump-dom", new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Start(start, executable);
        lock (Running)
        {
            Running.Add(process);
        }
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var log = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using (cancellation.Register(() => Kill(process)))
            {
                if (!process.WaitForExit(timeout))
                {
                    Kill(process);
                    throw new BrowserJobException($"{executable} did not finish {htmlFile} within {timeout.TotalSeconds:0} s; stopped it.");
                }
                process.WaitForExit();
            }
            cancellation.ThrowIfCancellationRequested();
            return (output.Result, log.Result);
        }
        finally
        {
            Kill(process);
            lock (Running)
            {
                Running.Remove(process);
            }
        }
    }

    private static Process Start(ProcessStartInfo start, string executable)
    {
        try
        {
            return Process.Start(start) ?? throw new BrowserJobException($"Could not start {executable}.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new BrowserJobException($"Could not start the browser {executable} ({ex.Message}); check ${Variable} or install chromium.", ex);
        }
    }

    /// <summary>Counts <paramref name="process"/> among the browsers that end, at the latest, when this process exits.</summary>
    internal static void Track(Process process)
    {
        lock (Running)
        {
            Running.Add(process);
        }
    }

    /// <summary>Ends <paramref name="process"/> (a browser <see cref="Track"/> counted) and stops counting it.</summary>
    internal static void End(Process process)
    {
        Kill(process);
        lock (Running)
        {
            Running.Remove(process);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    /// <summary>
    /// Ends the browser processes still running with <paramref name="profile"/> as their profile folder (found by their
    /// command line under /proc): what a run killed outright (SIGKILL) could not stop. Does nothing off Linux.
    /// </summary>
    internal static void KillOrphans(string profile)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc"))
        {
            return;
        }
        var marker = $"--user-data-dir={profile}";
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), System.Globalization.CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                // Chromium rewrites its process title, so its arguments may be joined by spaces rather than NULs.
                var arguments = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ') + " ";
                if (arguments.Contains(marker + " ", StringComparison.Ordinal))
                {
                    using var process = Process.GetProcessById(pid);
                    Kill(process);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                // Gone meanwhile, or not ours to read.
            }
        }
    }

    private static void KillAll()
    {
        lock (Running)
        {
            foreach (var process in Running)
            {
                Kill(process);
            }
        }
    }
}
