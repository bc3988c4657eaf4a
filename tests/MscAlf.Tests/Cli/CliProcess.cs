using System.Diagnostics;

namespace MscAlf.Tests.Cli;

/// <summary>The command line as a user runs it: <c>dotnet MscAlf.Cli.dll …</c> in a child process, output redirected.</summary>
internal static class CliProcess
{
    /// <summary>How to start the command line with <paramref name="arguments"/>.</summary>
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MscAlf.Cli.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }
}
