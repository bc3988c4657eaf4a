using MscAlf.IO;
using MscAlf.Text;

namespace MscAlf.Registry;

/// <summary>A record a reader could not take, located.</summary>
/// <param name="Origin">Where the record is (<c>file:line</c> or <c>file#index</c>).</param>
/// <param name="Field">The field at fault, or null for the whole record.</param>
/// <param name="Value">The offending value, when there is one.</param>
/// <param name="Expected">What was expected.</param>
public sealed record RecordError(string Origin, string? Field, string? Value, string Expected)
{
    /// <inheritdoc />
    /// <remarks>
    /// The origin and value are quoted for a terminal: control characters escaped, long values cut. The expectation is
    /// escaped too, since it may quote the input (a JSON parser's message names the text it could not read).
    /// </remarks>
    public override string ToString() =>
        $"{Located.Value(Origin)}:{(Field is null ? "" : $" field '{Located.Value(Field)}':")}{(Value is null ? "" : $" value '{Located.Value(Value)}':")} {SafeText.Escape(Expected)}";
}
