using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MscAlf.Notebooks;

/// <summary>One cell of a Jupyter notebook.</summary>
public sealed class NotebookCell
{
    /// <summary>The nbformat 4.5 cell id.</summary>
    public required string Id { get; set; }
    /// <summary><c>code</c>, <c>markdown</c> or <c>raw</c>.</summary>
    public required string CellType { get; init; }
    /// <summary>The cell's source text.</summary>
    public required string Source { get; init; }
    /// <summary>The cell metadata, kept as read.</summary>
    public JsonObject Metadata { get; init; } = [];
    /// <summary>Outputs of a code cell (nbformat output objects).</summary>
    public List<JsonObject> Outputs { get; } = [];
    /// <summary>The execution count of a code cell, or null when not run.</summary>
    public int? ExecutionCount { get; set; }
    /// <summary>Attachments of a markdown cell, kept as read.</summary>
    public JsonObject? Attachments { get; init; }

    /// <summary>True for a code cell.</summary>
    public bool IsCode => CellType == "code";
}

/// <summary>
/// A Jupyter notebook (nbformat 4.5) read and written the way Jupyter writes it: keys sorted, one-space indent,
/// multi-line strings as arrays of lines, a final newline. Writing an unchanged notebook gives the same bytes.
/// </summary>
public sealed partial class Notebook
{
    /// <summary>The notebook metadata.</summary>
    public JsonObject Metadata { get; init; } = [];

    /// <summary>The cells, in order.</summary>
    public List<NotebookCell> Cells { get; init; } = [];

    /// <summary>Reads a notebook file; throws <see cref="FormatException"/> naming the file when it is not one.</summary>
    public static Notebook Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (MscAlf.IO.FileIdentity.KindOf(path) == MscAlf.IO.FileKind.Special)
        {
            // Reading a pipe waits for a writer for ever, and a device may never end.
            throw new FormatException($"{path}: not a notebook file (a device, pipe or socket)");
        }
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new FormatException($"{path}: not a valid Jupyter notebook ({ex.Message})", ex);
        }
    }

    /// <summary>Parses notebook JSON.</summary>
    public static Notebook Parse(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("empty document");
        if ((int?)root["nbformat"] != 4)
        {
            throw new FormatException($"nbformat {root["nbformat"]} is not supported (4 is)");
        }
        var cells = root["cells"]?.AsArray() ?? throw new FormatException("no cells array");
        var notebook = new Notebook { Metadata = root["metadata"]?.DeepClone().AsObject() ?? [] };
        var index = 0;
        foreach (var node in cells)
        {
            var cell = node!.AsObject();
            index++;
            var parsed = new NotebookCell
            {
                Id = (string?)cell["id"] ?? $"cell-{index:D2}",
                CellType = (string?)cell["cell_type"] ?? throw new FormatException($"cell {index} has no cell_type"),
                Source = Text(cell["source"]),
                Metadata = cell["metadata"]?.DeepClone().AsObject() ?? [],
                ExecutionCount = (int?)cell["execution_count"],
                Attachments = cell["attachments"]?.DeepClone().AsObject(),
            };
            foreach (var output in cell["outputs"]?.AsArray() ?? [])
            {
                parsed.Outputs.Add(output!.DeepClone().AsObject());
            }
            notebook.Cells.Add(parsed);
        }
        return notebook;
    }

    /// <summary>The notebook as nbformat 4.5 JSON, in Jupyter's layout.</summary>
    public string ToJson()
    {
        var cells = new JsonArray();
        foreach (var cell in Cells)
        {
            var node = new JsonObject
            {
                ["cell_type"] = cell.CellType,
                ["id"] = cell.Id,
                ["metadata"] = cell.Metadata.DeepClone(),
                ["source"] = Lines(cell.Source),
            };
            if (cell.IsCode)
            {
                node["execution_count"] = cell.ExecutionCount;
                node["outputs"] = new JsonArray([.. cell.Outputs.Select(o => (JsonNode)SplitText(o.DeepClone()))]);
            }
            if (cell.Attachments is not null)
            {
                node["attachments"] = cell.Attachments.DeepClone();
            }
            cells.Add(node);
        }
        var root = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = Metadata.DeepClone(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return Serialize(Sorted(root)) + "\n";
    }

    /// <summary>A source or output text: an nbformat multi-line string (a string or an array of lines).</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    };

    /// <summary>Splits text into Jupyter's array of lines, each but the last keeping its newline.</summary>
    public static JsonArray Lines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new JsonArray();
        foreach (Match line in LinePattern().Matches(text))
        {
            if (line.Length > 0)
            {
                lines.Add(line.Value);
            }
        }
        return lines;
    }

    private static JsonObject SplitText(JsonNode output)
    {
        var obj = output.AsObject();
        if (obj["text"] is JsonValue text)
        {
            obj["text"] = Lines((string)text!);
        }
        if (obj["data"] is JsonObject data)
        {
            foreach (var key in data.Select(kv => kv.Key).ToList())
            {
                if (key.StartsWith("text/", StringComparison.Ordinal) && data[key] is JsonValue value)
                {
                    data[key] = Lines((string)value!);
                }
            }
        }
        return obj;
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => KeyValuePair.Create(kv.Key, Sorted(kv.Value?.DeepClone())))),
        JsonArray array => new JsonArray([.. array.Select(item => Sorted(item?.DeepClone()))]),
        _ => node?.DeepClone(),
    };

    private static string Serialize(JsonNode? node)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 1,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            node!.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [GeneratedRegex(@"[^\n]*\n|[^\n]+$")]
    private static partial Regex LinePattern();
}
