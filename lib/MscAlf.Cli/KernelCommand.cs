using System.CommandLine;
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
        (new Option<bool>("--user") { Description = $"{verb} in your Jupyter data folder (the default)." },
         new Option<DirectoryInfo?>("--prefix") { Description = $"{verb} in PREFIX/share/jupyter/kernels (e.g. a virtual environment)." },
         new Option<bool>("--force") { Description = "Also replace or remove a kernelspec of the same name that this project did not write." });

    private static Command Install()
    {
        var (user, prefix, force) = PlaceOptions("Install");
        var command = new Command("install", $"Write the kernelspec '{KernelInfo.Name}' that Jupyter and VS Code start the kernel by.") { user, prefix, force };
        command.SetAction(result =>
        {
            if (result.GetValue(user) && result.GetValue(prefix) is not null)
            {
                CliApp.Err(result).WriteLine("Use either --user or --prefix DIR.");
                return CliApp.Failure;
            }
            var kernels = KernelSpec.KernelsDirectory(result.GetValue(prefix)?.FullName);
            var launch = LaunchCommand();
            var document = KernelSpec.Document(launch, new Dictionary<string, string> { ["DOTNET_ROOT"] = DotnetRoot() }, AppContext.BaseDirectory);
            try
            {
                var (directory, replaced) = KernelSpec.Install(kernels, document, result.GetValue(force));
                var output = CliApp.Out(result);
                output.WriteLine($"Installed the C# kernel '{KernelInfo.DisplayName}' (kernelspec {KernelInfo.Name}) in {directory}");
                output.WriteLine($"  it starts: {string.Join(' ', launch)}");
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
            }
            catch (Exception ex) when (ex is KernelSpecException or IOException or UnauthorizedAccessException)
            {
                CliApp.Err(result).WriteLine(ex.Message);
                return CliApp.Failure;
            }
        });
        return command;
    }

    private static Command Uninstall()
    {
        var (user, prefix, force) = PlaceOptions("Remove it from");
        var command = new Command("uninstall", $"Remove the kernelspec '{KernelInfo.Name}' that install wrote.") { user, prefix, force };
        command.SetAction(result =>
        {
            var kernels = KernelSpec.KernelsDirectory(result.GetValue(prefix)?.FullName);
            try
            {
                var removed = KernelSpec.Uninstall(kernels, result.GetValue(force));
                CliApp.Out(result).WriteLine(removed
                    ? $"Removed the kernelspec {Path.Combine(kernels, KernelInfo.Name)}"
                    : $"No kernelspec {KernelInfo.Name} in {kernels}: nothing to remove");
                return 0;
            }
            catch (Exception ex) when (ex is KernelSpecException or IOException or UnauthorizedAccessException)
            {
                CliApp.Err(result).WriteLine(ex.Message);
                return CliApp.Failure;
            }
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
                CliApp.Err(result).WriteLine(ex is FormatException ? ex.Message : $"{path}: {ex.Message}");
                return CliApp.Failure;
            }
            using var kernel = new JupyterKernel(connection, Environment.CurrentDirectory, CliApp.Err(result));
            await kernel.RunAsync().ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>How Jupyter starts this build's kernel: its own executable by absolute path.</summary>
    internal static IReadOnlyList<string> LaunchCommand()
    {
        var directory = AppContext.BaseDirectory;
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
