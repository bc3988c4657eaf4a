namespace MscAlf.Data;

/// <summary>Reference tables embedded in the library (<c>Assets/</c>), read and checked like the data files.</summary>
internal static class EmbeddedTable
{
    /// <summary>
    /// The rows of the embedded table <c>MscAlf.Assets.{fileName}</c> under <paramref name="schema"/>; a missing table or
    /// any row error throws, since the library cannot work without its own tables.
    /// </summary>
    public static IReadOnlyList<CsvRow> Read(string fileName, TableSchema schema)
    {
        using var stream = typeof(EmbeddedTable).Assembly.GetManifestResourceStream($"MscAlf.Assets.{fileName}")
            ?? throw new InvalidOperationException($"The embedded table Assets/{fileName} is missing.");
        using var reader = new StreamReader(stream);
        var (rows, errors) = CsvTable.Read(reader, $"Assets/{fileName}", schema);
        return errors.Count > 0 ? throw new DataValidationException(errors) : rows;
    }
}
