using MscAlf.Data;
using MscAlf.IO;

namespace MscAlf.Registry;

/// <summary>Reads trial records from either a curated <c>trials.csv</c> or an import file (told apart by the header).</summary>
public static class TrialFiles
{
    /// <summary>
    /// The trials of <paramref name="path"/>; throws <see cref="DataValidationException"/> with every error. Cells of an
    /// import file are decoded (<see cref="CsvCell.Decode"/>): the apostrophe that guards a formula-like value is removed.
    /// </summary>
    public static IReadOnlyList<Trial> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var header = File.ReadLines(path).FirstOrDefault() ?? "";
        var imported = header.Split(',').Contains("curation");
        var (rows, errors) = CsvTable.Read(path, imported ? ImportedTrialsCsv.Schema : Trial.Schema);
        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }
        return [.. rows.Select(r => imported ? r with { Cells = r.Cells.ToDictionary(c => c.Key, c => CsvCell.Decode(c.Value)) } : r).Select(Trial.FromRow)];
    }
}
