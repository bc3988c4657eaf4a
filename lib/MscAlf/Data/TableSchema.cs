namespace MscAlf.Data;

/// <summary>The columns of one data file and the columns whose combination must be unique.</summary>
/// <param name="FileName">The file name inside the data folder.</param>
/// <param name="Columns">The columns, in file order.</param>
/// <param name="Key">The columns that identify a row.</param>
public sealed record TableSchema(string FileName, IReadOnlyList<ColumnSpec> Columns, IReadOnlyList<string> Key);
