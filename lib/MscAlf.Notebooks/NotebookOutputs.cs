using System.Text;
using System.Text.Json.Nodes;

namespace MscAlf.Notebooks;

/// <summary>
/// Collects a notebook's outputs as its cells run, in the order they happen: consecutive text on one stream is
/// merged into one output; a display update replaces the data of the output it names, in whichever cell it is.
/// Once a cell has ended, nothing more is added to it.
/// </summary>
internal sealed class NotebookOutputs : ICellOutput
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _displays = new(StringComparer.Ordinal);
    private readonly StringBuilder _text = new();
    private string? _stream;
    private NotebookCell? _cell;

    /// <summary>The cell that outputs go to from now on.</summary>
    public void Begin(NotebookCell cell)
    {
        lock (_gate)
        {
            _cell = cell;
        }
    }

    /// <summary>Ends the cell with its result (MIME bundle and execution count) or its error.</summary>
    public void End((JsonObject Bundle, int Count)? result, CellError? error)
    {
        lock (_gate)
        {
            if (_cell is not { } cell)
            {
                return;
            }
            Flush(cell);
            if (result is var (bundle, count))
            {
                cell.Outputs.Add(new JsonObject
                {
                    ["data"] = bundle, ["execution_count"] = count, ["metadata"] = new JsonObject(), ["output_type"] = "execute_result",
                });
            }
            if (error is not null)
            {
                cell.Outputs.Add(new JsonObject
                {
                    ["ename"] = error.Name, ["evalue"] = error.Message, ["output_type"] = "error",
                    ["traceback"] = new JsonArray([.. error.Traceback.Select(t => (JsonNode)JsonValue.Create(t)!)]),
                });
            }
            _cell = null;
        }
    }

    /// <inheritdoc />
    public void Stream(string name, string text)
    {
        lock (_gate)
        {
            if (_cell is not { } cell)
            {
                return;
            }
            if (_stream != name)
            {
                Flush(cell);
                _stream = name;
            }
            _text.Append(text);
        }
    }

    /// <inheritdoc />
    public void Display(JsonObject bundle, string displayId)
    {
        lock (_gate)
        {
            if (_cell is not { } cell)
            {
                return;
            }
            Flush(cell);
            var output = new JsonObject { ["data"] = bundle, ["metadata"] = new JsonObject(), ["output_type"] = "display_data" };
            cell.Outputs.Add(output);
            _displays[displayId] = output;
        }
    }

    /// <inheritdoc />
    public void UpdateDisplay(JsonObject bundle, string displayId)
    {
        lock (_gate)
        {
            if (_cell is not null && _displays.TryGetValue(displayId, out var output))
            {
                output["data"] = bundle;
            }
        }
    }

    private void Flush(NotebookCell cell)
    {
        if (_text.Length > 0)
        {
            cell.Outputs.Add(new JsonObject { ["name"] = _stream, ["output_type"] = "stream", ["text"] = _text.ToString() });
            _text.Clear();
        }
        _stream = null;
    }
}
