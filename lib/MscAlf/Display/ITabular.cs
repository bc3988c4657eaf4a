using Microsoft.Data.Analysis;

namespace MscAlf.Display;

/// <summary>
/// A value that shows itself as a table: a notebook displays it as its DataFrame under its caption (the library's
/// counts, <see cref="Concepts.Tally"/>, among them), so the notebook engine needs to know no library type.
/// </summary>
public interface ITabular
{
    /// <summary>What the table is, in words (shown above it).</summary>
    string Caption { get; }

    /// <summary>The rows and columns to show.</summary>
    DataFrame ToDataFrame();
}
