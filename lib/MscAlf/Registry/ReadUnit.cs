using System.Text.Json;

namespace MscAlf.Registry;

/// <summary>
/// One piece of input, cut by the reading thread and parsed by any thread: raw JSON bytes (a file or a zip entry), one
/// element of a streamed JSON array, the fields of a CSV record, or an item the reader has already made (an error).
/// </summary>
public sealed class ReadUnit
{
    private readonly string _label;
    private readonly byte[]? _json;
    private readonly JsonElement? _element;
    private readonly RegistryItem? _item;
    private readonly Func<RegistryItem>? _make;

    private ReadUnit(string label, byte[]? json, JsonElement? element, RegistryItem? item, Func<RegistryItem>? make, int size) =>
        (_label, _json, _element, _item, _make, Size) = (label, json, element, item, make, size);

    /// <summary>About how many bytes the unit holds (so a batch of units can be kept small).</summary>
    internal int Size { get; }

    internal static ReadUnit Json(string label, byte[] json) => new(label, json, null, null, null, json.Length);

    /// <summary>An element of a streamed array (counted as 64 KB: its size is not known without writing it out).</summary>
    internal static ReadUnit Element(string origin, JsonElement element) => new(origin, null, element, null, null, 1 << 16);

    internal static ReadUnit Ready(RegistryItem item) => new("", null, null, item, null, 0);

    /// <summary>A unit of about <paramref name="size"/> bytes whose one item <paramref name="make"/> builds on the thread that parses it.</summary>
    internal static ReadUnit Deferred(Func<RegistryItem> make, int size) => new("", null, null, null, make, size);

    /// <summary>Parses the unit into items, in input order.</summary>
    public IReadOnlyList<RegistryItem> Items() =>
        _item is { } item ? [item]
        : _make is { } make ? [make()]
        : _element is { } element ? [ApiJsonReader.Item(element, _label)]
        : ApiJsonReader.Parse(_json!, _label);
}
