using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MscAlf.Export;

/// <summary>
/// A folder under the system's temporary directory for one job (a render page, a browser profile), named
/// <c>mscalf-&lt;purpose&gt;-&lt;process id&gt;-&lt;random&gt;</c> and deleted on dispose. A process killed outright
/// (SIGKILL) cannot clean up, so <see cref="SweepStale"/> removes what dead processes left behind; every browser job
/// calls it first.
/// </summary>
public sealed partial class TemporaryFolder : IDisposable
{
    private static readonly HashSet<string> Live = [];

    static TemporaryFolder() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll();

    private TemporaryFolder(string path)
    {
        Path = path;
        lock (Live)
        {
            Live.Add(path);
        }
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>Creates a fresh folder for <paramref name="purpose"/> (letters only, e.g. <c>render</c>).</summary>
    public static TemporaryFolder Create(string purpose)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"mscalf-{purpose}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), name);
        Directory.CreateDirectory(path);
        return new TemporaryFolder(path);
    }

    /// <summary>Deletes the folder and everything in it (a folder already gone is fine).</summary>
    public void Dispose()
    {
        Delete(Path);
        lock (Live)
        {
            Live.Remove(Path);
        }
    }

    /// <summary>Deletes every folder of this process not yet disposed (the process is exiting).</summary>
    internal static void DeleteAll()
    {
        lock (Live)
        {
            foreach (var path in Live)
            {
                Delete(path);
            }
            Live.Clear();
        }
    }

    /// <summary>
    /// Deletes the temporary pages, profiles and folders that processes no longer running left behind (names
    /// <c>mscalf-render-*</c>, <c>mscalf-chromium-*</c> with the owner's process id), ending any browser still running
    /// on such a profile; returns how many were removed. A folder whose owner still runs is never touched.
    /// </summary>
    public static int SweepStale()
    {
        var removed = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(System.IO.Path.GetTempPath(), "mscalf-*"))
        {
            var match = Owned().Match(System.IO.Path.GetFileName(entry));
            if (match.Success && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
            {
                // A browser whose owner was killed outright may still run on that profile: end it first.
                Browser.KillOrphans(entry);
                removed += Delete(entry) ? 1 : 0;
            }
        }
        return removed;
    }

    /// <summary>True when a process with id <paramref name="pid"/> is running.</summary>
    internal static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool Delete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
                return true;
            }
            if (File.Exists(path))
            {
                File.Delete(path);
                return true;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another user's leftovers, or a file in use: not ours to force.
        }
        return false;
    }

    [GeneratedRegex(@"^mscalf-(?:render|chromium)-([0-9]+)-")]
    private static partial Regex Owned();
}
