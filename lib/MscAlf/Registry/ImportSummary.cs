namespace MscAlf.Registry;

/// <summary>What an import did.</summary>
/// <param name="Read">Records read, good or bad.</param>
/// <param name="Imported">Trials taken from this input (after duplicates were merged).</param>
/// <param name="Liver">Of those, trials the condition classifier judged liver.</param>
/// <param name="Skipped">Invalid records (or unreadable files and entries) skipped.</param>
/// <param name="Merged">Records dropped because a newer record of the same NCT id was read.</param>
/// <param name="KeptStored">Trials a database already held with a newer last update, kept instead of this input's.</param>
/// <param name="Total">Trials in the output after the import.</param>
public sealed record ImportSummary(long Read, long Imported, long Liver, long Skipped, long Merged, long KeptStored, long Total);
