using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using MscAlf.IO;
using MscAlf.Jobs;
using MscAlf.Kernel;

namespace MscAlf.Cli;

/// <summary>
/// <c>kernel install|uninstall [--user | --prefix DIR] [--force]</c> and <c>kernel run --connection-file FILE</c>:
/// the Jupyter kernel for the notebooks, on the same engine as <c>notebooks run</c>.
/// </summary>
internal static class KernelCommand
{
    public static Command Create()
    {
        var kernel = new Command("kernel", "The C# Jupyter kernel: explore and teach with the notebooks in Jupyter, VS Code and the console.")
        {
            Install(), Uninstall(), Run(),
        };
        return kernel;
    }

    private static (Option<bool> User, Option<DirectoryInfo?> Prefix, Option<bool> Force) PlaceOptions(string verb) =>
        (new Option<bool>("--user") { Description = $"{verb} your Jupyter data folder (the default)." },
         new Option<DirectoryInfo?>("--prefix") { Description = $"{verb} PREFIX/share/jupyter/kernels (e.g. a virtual environment)." },
         new Option<bool>("--force") { Description = "Also replace or remove a kernelspec of the same name that this project did not write." });

    private static Command Install()
    {
        var (user, prefix, force) = PlaceOptions("Install in");
        var fromBuild = new Option<bool>("--from-build")
        {
            Description = "Start the kernel from this build's output instead of a published copy (quick to install, for " +
                "developers; a rebuild while a kernel runs can crash it).",
        };
        var command = new Command("install", $"Publish the kernel and write the kernelspec '{KernelInfo.Name}' that Jupyter and VS Code start it by.")
        {
            user, prefix, force, fromBuild,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var (output, error) = (CliApp.Out(result), CliApp.Err(result));
            if (result.GetValue(user) && result.GetValue(prefix) is not null)
            {
                return CliApp.Fail(error, "Use either --user or --prefix DIR.");
            }
            var kernels = KernelSpec.KernelsDirectory(result.GetValue(prefix)?.FullName);
            KernelSpec.CheckReplaceable(kernels, result.GetValue(force));
            var launch = result.GetValue(fromBuild)
                ? LaunchCommand(AppContext.BaseDirectory)
                : LaunchCommand(await PublishAsync(kernels, output, cancellation).ConfigureAwait(false));
            var document = KernelSpec.Document(launch, new Dictionary<string, string> { ["DOTNET_ROOT"] = DotnetRoot() }, AppContext.BaseDirectory);
            var (directory, replaced) = KernelSpec.Install(kernels, document, result.GetValue(force));
            KernelSpec.RemoveOldCopies(directory, Path.GetDirectoryName(launch[0])!);
            var assets = KernelSpec.InstallChartAssets(KernelSpec.NbextensionsDirectory(result.GetValue(prefix)?.FullName));
            output.WriteLine($"Installed the C# kernel '{KernelInfo.DisplayName}' (kernelspec {KernelInfo.Name}) in {directory}");
            output.WriteLine($"  it starts: {string.Join(' ', launch)}");
            output.WriteLine($"  plotly.js for the charts in Jupyter Notebook: {assets}");
            if (replaced is not null)
            {
                output.WriteLine($"  it replaced a kernelspec that started: {replaced}");
            }
            if (result.GetValue(prefix) is { } place)
            {
                output.WriteLine($"  Jupyter finds it there when JUPYTER_PATH includes {Path.Combine(place.FullName, "share", "jupyter")} (or the prefix is its environment's)");
            }
            output.WriteLine("  open the notebooks with: jupyter notebook notebooks/ (or in VS Code: Select Kernel, then .NET (C#))");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Publishes the command line (Release, ReadyToRun, so the first cell of a kernel starts warm) into a new folder
    /// of the kernelspec, so that rebuilding or cleaning the repository never breaks or crashes a running kernel.
    /// </summary>
    private static async Task<string> PublishAsync(string kernels, TextWriter output, CancellationToken cancellation)
    {
        var project = FindProject() ?? throw new KernelSpecException(
            "cannot find lib/MscAlf.Cli/MscAlf.Cli.csproj above this program to publish the kernel from; run `kernel install` " +
            "with `dotnet run --project lib/MscAlf.Cli` from the repository, or add --from-build");
        var target = Path.Combine(kernels, KernelInfo.Name, "app-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture));
        var staging = target + ".partial";
        output.WriteLine($"Publishing the kernel (Release, ReadyToRun) from {project}; the first time takes a minute or two");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "publish", project, "--configuration", "Release", "--runtime", RuntimeInformation.RuntimeIdentifier,
            "--self-contained", "false", "-p:PublishReadyToRun=true", "--output", staging, "--nologo", "--verbosity", "quiet",
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new KernelSpecException("could not start `dotnet publish`");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
        var stderr = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var said = string.Join('\n', new[] { await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false) }
                .SelectMany(t => t.Split('\n')).Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(5));
            TryDelete(staging);
            throw new KernelSpecException($"`dotnet publish {project}` failed (exit {process.ExitCode}); nothing was installed:\n{said}");
        }
        Directory.Move(staging, target);
        return target;
    }

    /// <summary>The command line's project in the repository this program was built from, or null (an installed copy).</summary>
    private static string? FindProject() =>
        ProjectPaths.Above(AppContext.BaseDirectory)?.CliProject is { } project && File.Exists(project) ? project : null;

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static Command Uninstall()
    {
        var (user, prefix, force) = PlaceOptions("Remove it from");
        var command = new Command("uninstall", $"Remove the kernelspec '{KernelInfo.Name}' that install wrote.") { user, prefix, force };
        command.SetAction(result =>
        {
            var kernels = KernelSpec.KernelsDirectory(result.GetValue(prefix)?.FullName);
            var removed = KernelSpec.Uninstall(kernels, result.GetValue(force));
            var nbextensions = KernelSpec.NbextensionsDirectory(result.GetValue(prefix)?.FullName);
            var assets = KernelSpec.UninstallChartAssets(nbextensions);
            CliApp.Out(result).WriteLine(removed
                ? $"Removed the kernelspec {Path.Combine(kernels, KernelInfo.Name)}"
                : $"No kernelspec {KernelInfo.Name} in {kernels}: nothing to remove");
            if (assets)
            {
                CliApp.Out(result).WriteLine($"Removed the charts' plotly.js from {Path.Combine(nbextensions, MscAlf.Notebooks.ChartBundle.NbextensionFolder)}");
            }
            return 0;
        });
        return command;
    }

    private static Command Run()
    {
        var file = new Option<FileInfo>("--connection-file", "-f") { Description = "The connection file Jupyter writes.", Required = true };
        var command = new Command("run", "Serve Jupyter clients (Jupyter starts this through the kernelspec).") { file };
        command.SetAction(async (result, _) =>
        {
            var path = result.GetValue(file)!.FullName;
            ConnectionInfo connection;
            try
            {
                connection = ConnectionInfo.Load(path);
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                throw new JobFailedException(ex is FormatException ? ex.Message : $"{path}: {ex.Message}", ex);
            }
            using var kernel = new JupyterKernel(connection, Environment.CurrentDirectory, CliApp.Err(result));
            await kernel.RunAsync().ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>How Jupyter starts the kernel in <paramref name="directory"/>: its executable by absolute path.</summary>
    internal static IReadOnlyList<string> LaunchCommand(string directory)
    {
        string[] tail = ["kernel", "run", "--connection-file", "{connection_file}"];
        var apphost = Path.Combine(directory, OperatingSystem.IsWindows() ? "MscAlf.Cli.exe" : "MscAlf.Cli");
        if (File.Exists(apphost))
        {
            return [apphost, .. tail];
        }
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        return [host, Path.Combine(directory, "MscAlf.Cli.dll"), .. tail];
    }

    /// <summary>The .NET installation running now (<c>&lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;</c>), for the kernel's DOTNET_ROOT.</summary>
    private static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
}
