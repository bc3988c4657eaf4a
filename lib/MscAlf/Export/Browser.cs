using System.Diagnostics;

namespace MscAlf.Export;

/// <summary>Thrown when a job needs a headless browser and none is installed.</summary>
public sealed class BrowserNotFoundException : Exception
{
    /// <summary>Creates the exception with the standard advice.</summary>
    public BrowserNotFoundException()
        : base("PNG and SVG export needs Chromium and none was found (looked for $MSCALF_CHROMIUM, chromium, chromium-browser, " +
               "google-chrome). Install it (Debian: apt-get install chromium) or ask for --format html only.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public BrowserNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public BrowserNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Headless Chromium, run as a command with a fresh profile and no background network traffic.</summary>
public static class Browser
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

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
    /// the browser's log (console messages included).
    /// </summary>
    public static (string Dom, string Log) DumpDom(string htmlFile, TimeSpan budget, TimeSpan timeout)
    {
        var executable = Find() ?? throw new BrowserNotFoundException();
        var profile = Directory.CreateTempSubdirectory("mscalf-chromium-");
        try
        {
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
                $"--user-data-dir={profile.FullName}",
                $"--virtual-time-budget={(int)budget.TotalMilliseconds}", "--run-all-compositor-stages-before-draw",
                "--dump-dom", new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
            var output = process.StandardOutput.ReadToEndAsync();
            var log = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{executable} did not finish {htmlFile} within {timeout.TotalSeconds:0} s.");
            }
            return (output.Result, log.Result);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
