using System.Diagnostics;
using System.Text.Json.Nodes;
using MscAlf.Kernel;
using MscAlf.Tests.Notebooks;

namespace MscAlf.Tests.Kernel;

/// <summary>A fact that needs Debian's Jupyter client (python3-jupyter-client): skipped, saying so, when it is missing.</summary>
public sealed class JupyterFactAttribute : FactAttribute
{
    public JupyterFactAttribute()
    {
        if (!KernelDriver.HasPythonModule("jupyter_client"))
        {
            Skip = "needs Debian's python3-jupyter-client (apt-get install python3-jupyter-client; CI installs it)";
        }
    }
}

/// <summary>
/// The kernel as Jupyter users get it: installed (from this build) into a temporary Jupyter data folder, started
/// and driven by Jupyter's own Python client through tests/…/Kernel/kernel_driver.py.
/// </summary>
internal sealed class KernelDriver : IDisposable
{
    private static readonly Lazy<Dictionary<string, bool>> Modules = new(() => []);

    public KernelDriver()
    {
        var (code, output, error) = Cli.Cli.RunAsync("kernel", "install", "--from-build", "--prefix", Prefix).GetAwaiter().GetResult();
        Assert.True(code == 0, output + error);
    }

    /// <summary>The --prefix the kernelspec is installed under.</summary>
    public string Prefix { get; } = Directory.CreateTempSubdirectory("mscalf-kernel-").FullName;

    /// <summary>The Jupyter data folder clients search (<c>JUPYTER_PATH</c>).</summary>
    public string JupyterPath => Path.Combine(Prefix, "share", "jupyter");

    /// <summary>True when Debian's python3 can import <paramref name="module"/>.</summary>
    public static bool HasPythonModule(string module)
    {
        lock (Modules.Value)
        {
            if (!Modules.Value.TryGetValue(module, out var present))
            {
                present = File.Exists(NbformatFactAttribute.Python) && Python(["-c", $"import {module}"], null, null, TimeSpan.FromSeconds(60)).Code == 0;
                Modules.Value[module] = present;
            }
            return present;
        }
    }

    /// <summary>Runs the driver with these steps (in <paramref name="directory"/>); returns its JSON report.</summary>
    public JsonObject Run(string? directory, params JsonObject[] steps)
    {
        var script = new JsonObject
        {
            ["kernel"] = KernelInfo.Name, ["cwd"] = directory,
            ["steps"] = new JsonArray([.. steps.Select(s => (JsonNode)s)]),
        };
        var driver = Path.Combine(AppContext.BaseDirectory, "Kernel", "kernel_driver.py");
        var (code, output, error) = Python([driver], script.ToJsonString(), Environment(), TimeSpan.FromMinutes(5));
        Assert.True(code == 0, $"the driver failed (exit {code}):\n{error}\n{output}");
        return JsonNode.Parse(output)!.AsObject();
    }

    /// <summary>The environment a Jupyter client gets here: the test kernelspec, and no user's own Jupyter files.</summary>
    public Dictionary<string, string> Environment() => new()
    {
        ["JUPYTER_PATH"] = JupyterPath,
        ["JUPYTER_DATA_DIR"] = Path.Combine(Prefix, "data"),
        ["JUPYTER_CONFIG_DIR"] = Path.Combine(Prefix, "config"),
        ["JUPYTER_RUNTIME_DIR"] = Path.Combine(Prefix, "runtime"),
        ["IPYTHONDIR"] = Path.Combine(Prefix, "ipython"),
        ["MSCALF_DATA"] = TestData.RepositoryDataDirectory,
    };

    public static (int Code, string Output, string Error) Python(IEnumerable<string> arguments, string? input,
        IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(NbformatFactAttribute.Python)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input ?? "");
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output.Result, $"timed out after {timeout}\n{error.Result}");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    public void Dispose() => Directory.Delete(Prefix, recursive: true);
}
