using MscAlf.Text;

namespace MscAlf.Data;

/// <summary>One problem found in a data file, located precisely enough to fix it.</summary>
/// <param name="File">The file's path as given to the reader.</param>
/// <param name="Line">The 1-based line where the record starts (1 is the header).</param>
/// <param name="Column">The column name, or null for a problem with the whole record.</param>
/// <param name="Value">The offending value, or null when there is none (a missing column, say).</param>
/// <param name="Expected">What the value should have been.</param>
public sealed record DataError(string File, int Line, string? Column, string? Value, string Expected)
{
    /// <summary>
    /// A one-line description: <c>file:line: column 'c': value 'v': expected …</c>. Control characters are escaped and
    /// long values cut (<see cref="SafeText"/>), so the line is safe to print whatever the file holds.
    /// </summary>
    public override string ToString()
    {
        var column = Column is null ? "" : $" column {SafeText.Quote(Column)}:";
        var value = Value is null ? "" : $" value {SafeText.Quote(Value)}:";
        return $"{SafeText.Escape(File)}:{Line}:{column}{value} {SafeText.Escape(Expected)}";
    }
}
