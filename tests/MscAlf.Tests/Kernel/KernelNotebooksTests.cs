using System.Text.Json.Nodes;
using MscAlf.Notebooks;
using MscAlf.Tests.Notebooks;

namespace MscAlf.Tests.Kernel;

/// <summary>A fact that needs Debian's nbclient (python3-nbclient): skipped, saying so, when it is missing.</summary>
public sealed class NbclientTheoryAttribute : TheoryAttribute
{
    public NbclientTheoryAttribute()
    {
        if (!KernelDriver.HasPythonModule("nbclient"))
        {
            Skip = "needs Debian's python3-nbclient (apt-get install python3-nbclient; CI installs it)";
        }
    }
}

/// <summary>
/// Every committed notebook, executed through the kernel by Jupyter's nbclient, gives the outputs the headless
/// runner gives (the committed file is the runner's fresh execution, which another test checks): one engine. The
/// comparison is exact except the image/png payloads, which Chromium may encode differently from run to run and
/// machine to machine (see NotebookRules); the kernel's PNGs are checked on their own: present, valid, column width.
/// </summary>
[Collection(nameof(KernelUsers))]
public sealed class KernelNotebooksTests : IDisposable
{
    private static readonly string Folder = Path.Combine(Path.GetDirectoryName(TestData.RepositoryDataDirectory)!, "notebooks");
    private readonly KernelDriver _kernel = new();
    private readonly string _out = Directory.CreateTempSubdirectory("mscalf-nbclient-").FullName;

    public void Dispose()
    {
        _kernel.Dispose();
        Directory.Delete(_out, recursive: true);
    }

    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(Folder, "*.ipynb").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [NbclientTheory]
    [MemberData(nameof(Files))]
    public void Nbclient_WhenItRunsACommittedNotebookThroughTheKernel_GetsTheRunnersOutputs(string file)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Kernel", "nbclient_run.py");
        var (code, output, error) = KernelDriver.Python([script, MscAlf.Kernel.KernelInfo.Name, _out, Path.Combine(Folder, file)],
            null, _kernel.Environment(), TimeSpan.FromMinutes(10));
        Assert.True(code == 0, $"nbclient failed on {file}:\n{error}\n{output}");
        var committed = Notebook.Load(Path.Combine(Folder, file));
        var executed = Notebook.Load(Path.Combine(_out, file));
        Assert.Empty(NotebookRules.ImageProblems(executed));
        var expected = committed.Cells.Where(c => c.IsCode).Select(Describe).ToList();
        var actual = executed.Cells.Where(c => c.IsCode).Select(Describe).ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i] == actual[i], $"{file}, code cell {i + 1}: the kernel's outputs differ from the runner's\n" +
                $"runner: {Cut(expected[i])}\nkernel: {Cut(actual[i])}");
        }
    }

    /// <summary>A cell's execution count and outputs, without ids, metadata or timings; consecutive stream text joined.</summary>
    private static string Describe(NotebookCell cell)
    {
        var outputs = new List<JsonObject>();
        foreach (var output in cell.Outputs)
        {
            var kept = new JsonObject();
            foreach (var key in new[] { "output_type", "name", "ename", "evalue", "execution_count" })
            {
                if (output[key] is { } value)
                {
                    kept[key] = value.DeepClone();
                }
            }
            if (output["text"] is { } text)
            {
                kept["text"] = Notebook.Text(text);
            }
            if (output["data"] is JsonObject data)
            {
                kept["data"] = new JsonObject(data.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                    .Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)(kv.Key == "image/png" ? NotebookRules.MaskedImage : Text(kv.Value)))));
            }
            if (outputs.Count > 0 && (string?)kept["output_type"] == "stream" && (string?)outputs[^1]["output_type"] == "stream"
                && (string?)outputs[^1]["name"] == (string?)kept["name"])
            {
                outputs[^1]["text"] = (string?)outputs[^1]["text"] + (string?)kept["text"];
                continue;
            }
            outputs.Add(kept);
        }
        return new JsonObject { ["count"] = cell.ExecutionCount, ["outputs"] = new JsonArray([.. outputs]) }.ToJsonString();
    }

    /// <summary>A MIME value as text: multi-line strings joined, JSON (the plotly figure) in one canonical form.</summary>
    private static string Text(JsonNode? value) => value is JsonObject json ? Canonical(json)!.ToJsonString() : Notebook.Text(value);

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, Canonical(kv.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Canonical)]),
        _ => node?.DeepClone(),
    };

    private static string Cut(string text) => text.Length > 600 ? text[..600] + "…" : text;
}
