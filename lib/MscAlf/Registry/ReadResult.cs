namespace MscAlf.Registry;

/// <summary>What a reader got from a file or folder, gathered in memory (for small inputs and notebooks).</summary>
/// <param name="Studies">The records read.</param>
/// <param name="Errors">The errors of the records it could not take.</param>
/// <param name="Skipped">How many records (or unreadable files) were not taken.</param>
public sealed record ReadResult(IReadOnlyList<RegistryStudy> Studies, IReadOnlyList<RecordError> Errors, int Skipped)
{
    /// <summary>Records seen, good or bad.</summary>
    public int RecordsRead => Studies.Count + Skipped;

    /// <summary>Gathers <paramref name="items"/>.</summary>
    public static ReadResult From(IEnumerable<RegistryItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var studies = new List<RegistryStudy>();
        var errors = new List<RecordError>();
        var skipped = 0;
        foreach (var item in items)
        {
            if (item.Study is { } study)
            {
                studies.Add(study);
            }
            else
            {
                errors.AddRange(item.Errors);
                skipped++;
            }
        }
        return new ReadResult(studies, errors, skipped);
    }
}
