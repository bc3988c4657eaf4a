using System.Text;
using System.Text.Json.Nodes;
using MscAlf.Notebooks;

namespace MscAlf.Kernel;

/// <summary>
/// A running cell's outputs as IOPub messages under the execute request they belong to. Console text is batched
/// and sent at most every 50 ms (or at 64 KB), so a long cell shows its progress as it goes without a message per
/// character; a display or the end of the cell sends what is pending first, so the order is kept. A silent
/// request publishes nothing.
/// </summary>
internal sealed class KernelOutput(Action<string, JsonObject, JupyterMessage> publish, JupyterMessage parent, bool silent) : ICellOutput
{
    private const int FlushCharacters = 64 * 1024;
    private static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(50);

    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private string? _stream;
    private bool _scheduled;

    /// <inheritdoc />
    public void Stream(string name, string text)
    {
        if (silent)
        {
            return;
        }
        lock (_gate)
        {
            if (_stream != name)
            {
                FlushLocked();
                _stream = name;
            }
            _text.Append(text);
            if (_text.Length >= FlushCharacters)
            {
                FlushLocked();
            }
            else if (!_scheduled)
            {
                _scheduled = true;
                _ = Task.Delay(FlushDelay).ContinueWith(_ => Flush(), TaskScheduler.Default);
            }
        }
    }

    /// <inheritdoc />
    public void Display(JsonObject bundle, string displayId) => Send("display_data", bundle, displayId);

    /// <inheritdoc />
    public void UpdateDisplay(JsonObject bundle, string displayId) => Send("update_display_data", bundle, displayId);

    /// <summary>Sends the console text waiting to go.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            FlushLocked();
        }
    }

    private void Send(string type, JsonObject bundle, string displayId)
    {
        if (silent)
        {
            return;
        }
        lock (_gate)
        {
            FlushLocked();
            publish(type, new JsonObject
            {
                ["data"] = bundle.DeepClone(), ["metadata"] = new JsonObject(),
                ["transient"] = new JsonObject { ["display_id"] = displayId },
            }, parent);
        }
    }

    private void FlushLocked()
    {
        _scheduled = false;
        if (_text.Length == 0)
        {
            return;
        }
        publish("stream", new JsonObject { ["name"] = _stream, ["text"] = _text.ToString() }, parent);
        _text.Clear();
    }
}
