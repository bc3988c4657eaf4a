using MscAlf.Codes;

namespace MscAlf.Data;

/// <summary>One preclinical study of the review's Table 2 or Table 3, cells as printed plus curated codes.</summary>
public sealed record PreclinicalStudy
{
    /// <summary>The review's table number (2 or 3).</summary>
    public required int Table { get; init; }
    /// <summary>The row's position in the table as printed (1-based).</summary>
    public required int Row { get; init; }
    /// <summary>The "Sources" cell as printed.</summary>
    public required string SourceAsPrinted { get; init; }
    /// <summary>The MSC source code of <see cref="SourceAsPrinted"/>.</summary>
    public required MscSourceCode MscSource { get; init; }
    /// <summary>The animal model (Mice, Rat, Swine).</summary>
    public required string ModelSpecies { get; init; }
    /// <summary>The "Intervention" cell as printed.</summary>
    public required string InterventionAsPrinted { get; init; }
    /// <summary>The curated kind of intervention.</summary>
    public required InterventionKind InterventionKind { get; init; }
    /// <summary>The result, verbatim, without the trailing reference numbers.</summary>
    public required string Result { get; init; }
    /// <summary>The review's reference numbers for the row.</summary>
    public required IReadOnlyList<int> References { get; init; }

    /// <summary>The schema of <c>data/preclinical.csv</c>.</summary>
    public static TableSchema Schema { get; } = new("preclinical.csv",
    [
        new("table", ColumnType.Integer, true, []) { Pattern = "^[23]$" },
        new("row", ColumnType.Integer, true, []),
        new("source_as_printed", ColumnType.Text, true, []),
        new("msc_source", ColumnType.Code, true, CodeSet<MscSourceCode>.Codes),
        new("model_species", ColumnType.Code, true, ["Mice", "Rat", "Swine"]),
        new("intervention_as_printed", ColumnType.Text, true, []),
        new("intervention_kind", ColumnType.Code, true, CodeSet<InterventionKind>.Codes),
        new("result", ColumnType.Text, true, []),
        new("reference", ColumnType.IntegerList, true, []),
    ], ["table", "row"]);

    /// <summary>Builds a study from a row that passed <see cref="Schema"/>.</summary>
    public static PreclinicalStudy FromRow(CsvRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new PreclinicalStudy
        {
            Table = row.Integer("table")!.Value,
            Row = row.Integer("row")!.Value,
            SourceAsPrinted = row.Required("source_as_printed"),
            MscSource = row.Code<MscSourceCode>("msc_source")!.Value,
            ModelSpecies = row.Required("model_species"),
            InterventionAsPrinted = row.Required("intervention_as_printed"),
            InterventionKind = row.Code<InterventionKind>("intervention_kind")!.Value,
            Result = row.Required("result"),
            References = row.Integers("reference"),
        };
    }
}
