using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace MscAlf.IO;

/// <summary>
/// A CSV writer for the registry commands' outputs: RFC 4180 quoting by CsvHelper, LF line ends, and every text cell
/// through <see cref="CsvCell.Encode"/> so that no cell runs as a spreadsheet formula.
/// </summary>
public sealed class SafeCsv : IDisposable
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\n" };
    private readonly CsvWriter _csv;

    private SafeCsv(TextWriter writer) => _csv = new CsvWriter(writer, Configuration, leaveOpen: true);

    /// <summary>A writer on <paramref name="writer"/> (left open).</summary>
    public static SafeCsv Writer(TextWriter writer) => new(writer);

    /// <summary>Writes the header line.</summary>
    public void Header(IEnumerable<string> names) => Row(names);

    /// <summary>Writes one record of text cells (null for empty).</summary>
    public void Row(IEnumerable<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        foreach (var cell in cells)
        {
            _csv.WriteField(CsvCell.Encode(cell));
        }
        _csv.NextRecord();
    }

    /// <summary>Writes one record whose cells are already safe (numbers, dates): quoted, not encoded.</summary>
    public void RawRow(IEnumerable<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        foreach (var cell in cells)
        {
            _csv.WriteField(cell);
        }
        _csv.NextRecord();
    }

    /// <summary>Writes one cell of a record (call <see cref="EndRow"/> after the last).</summary>
    public void Cell(string? text, bool encode)
    {
        _csv.WriteField(encode ? CsvCell.Encode(text) : text ?? "");
    }

    /// <summary>Ends the current record.</summary>
    public void EndRow() => _csv.NextRecord();

    /// <inheritdoc />
    public void Dispose() => _csv.Dispose();
}
