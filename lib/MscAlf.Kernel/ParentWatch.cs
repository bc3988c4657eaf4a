using System.Diagnostics;
using System.Globalization;

namespace MscAlf.Kernel;

/// <summary>
/// Ends the kernel when the process that started it is gone: jupyter_client names itself in <c>JPY_PARENT_PID</c>,
/// and a kernel whose client died would otherwise run on with nobody to talk to.
/// </summary>
internal sealed class ParentWatch : IDisposable
{
    private readonly Timer? _timer;

    private ParentWatch(int pid, Action stop, TextWriter log)
    {
        _timer = new Timer(_ =>
        {
            if (!Alive(pid))
            {
                log.WriteLine($"[MscAlf kernel] the client process {pid} is gone: stopping");
                stop();
            }
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private ParentWatch()
    {
    }

    /// <summary>Starts watching the parent named in the environment (nothing to watch when none is named).</summary>
    public static ParentWatch Start(Action stop, TextWriter log) =>
        int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 1
            ? new ParentWatch(pid, stop, log)
            : new ParentWatch();

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _timer?.Dispose();
}
