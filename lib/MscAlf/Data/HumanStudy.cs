using MscAlf.Codes;

namespace MscAlf.Data;

/// <summary>One published human study of the review's Table 4, cells as printed plus curated codes.</summary>
public sealed record HumanStudy
{
    /// <summary>The review's table number (4).</summary>
    public required int Table { get; init; }
    /// <summary>The row's position in the table as printed (1-based).</summary>
    public required int Row { get; init; }
    /// <summary>The "Condition" cell as printed.</summary>
    public required string ConditionAsPrinted { get; init; }
    /// <summary>The "Cell" cell: autologous or allogeneic.</summary>
    public required Administration Administration { get; init; }
    /// <summary>The "Source" cell as printed (UC, BM, …).</summary>
    public required string SourceAsPrinted { get; init; }
    /// <summary>The MSC source code of <see cref="SourceAsPrinted"/>.</summary>
    public required MscSourceCode MscSource { get; init; }
    /// <summary>The "Participant no" cell.</summary>
    public required int Participants { get; init; }
    /// <summary>The main result, verbatim, without the trailing reference number.</summary>
    public required string Result { get; init; }
    /// <summary>The review's reference numbers for the row.</summary>
    public required IReadOnlyList<int> References { get; init; }

    /// <summary>The schema of <c>data/human_studies.csv</c>.</summary>
    public static TableSchema Schema { get; } = new("human_studies.csv",
    [
        new("table", ColumnType.Integer, true, []) { Pattern = "^4$" },
        new("row", ColumnType.Integer, true, []),
        new("condition_as_printed", ColumnType.Text, true, []),
        new("administration", ColumnType.Code, true, CodeSet<Administration>.Codes),
        new("source_as_printed", ColumnType.Text, true, []),
        new("msc_source", ColumnType.Code, true, CodeSet<MscSourceCode>.Codes),
        new("participants", ColumnType.Integer, true, []),
        new("result", ColumnType.Text, true, []),
        new("reference", ColumnType.IntegerList, true, []),
    ], ["table", "row"]);

    /// <summary>Builds a study from a row that passed <see cref="Schema"/>.</summary>
    public static HumanStudy FromRow(CsvRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new HumanStudy
        {
            Table = row.Integer("table")!.Value,
            Row = row.Integer("row")!.Value,
            ConditionAsPrinted = row.Required("condition_as_printed"),
            Administration = row.Code<Administration>("administration")!.Value,
            SourceAsPrinted = row.Required("source_as_printed"),
            MscSource = row.Code<MscSourceCode>("msc_source")!.Value,
            Participants = row.Integer("participants")!.Value,
            Result = row.Required("result"),
            References = row.Integers("reference"),
        };
    }
}
