using System.Diagnostics;
using System.Text.Json.Nodes;
using MscAlf.Notebooks;

namespace MscAlf.Tests.Notebooks;

/// <summary>Notebook runs redirect the process's Console, so these tests never run in parallel with each other.</summary>
[CollectionDefinition(nameof(ConsoleUsers), DisableParallelization = true)]
public sealed class ConsoleUsers;

/// <summary>Builds small notebooks in a temporary folder.</summary>
internal sealed class ScratchNotebooks : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("mscalf-nb-").FullName;

    public string Write(params string[] codeCells)
    {
        var cells = new JsonArray([.. codeCells.Select((source, i) => (JsonNode)new JsonObject
        {
            ["cell_type"] = source.StartsWith("# ", StringComparison.Ordinal) ? "markdown" : "code",
            ["id"] = $"c{i + 1}", ["metadata"] = new JsonObject(), ["source"] = source,
            ["outputs"] = new JsonArray(), ["execution_count"] = null,
        })]);
        var path = Path.Combine(Directory, $"nb-{Guid.NewGuid():N}.ipynb");
        File.WriteAllText(path, new JsonObject { ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(), ["cells"] = cells }.ToJsonString());
        return path;
    }

    public static Task<NotebookRun> RunAsync(string path, double timeoutSeconds = 60) =>
        NotebookRunner.RunAsync(path, TimeSpan.FromSeconds(timeoutSeconds));

    public static Task<NotebookRun> RunAsync(string path, ChartImages images) =>
        NotebookRunner.RunAsync(path, TimeSpan.FromSeconds(120), images);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

/// <summary>A fact that needs Debian's python3-nbformat: skipped, saying so, when it is missing.</summary>
public sealed class NbformatFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    public NbformatFactAttribute()
    {
        if (!Available.Value)
        {
            Skip = "needs Debian's python3-nbformat (apt-get install python3-nbformat; CI installs it)";
        }
    }

    private static readonly Lazy<bool> Available = new(() =>
    {
        if (!File.Exists(Python))
        {
            return false;
        }
        using var process = Process.Start(new ProcessStartInfo(Python, ["-c", "import nbformat"]) { RedirectStandardError = true });
        process!.WaitForExit();
        return process.ExitCode == 0;
    });

    /// <summary>Validates notebook files as nbformat 4; returns python's error text, empty when valid.</summary>
    public static string Validate(IEnumerable<string> files)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-c", "import sys, nbformat\nfor f in sys.argv[1:]: nbformat.validate(nbformat.read(f, as_version=4))" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? "" : error;
    }
}
