using System.Globalization;
using MscAlf.Registry;

namespace MscAlf.Jobs;

/// <summary>What the import job did.</summary>
/// <param name="Counts">The importer's counts.</param>
/// <param name="Output">The full path of the file written.</param>
public sealed record ImportJobResult(ImportSummary Counts, string Output)
{
    /// <summary>True when the output is a DuckDB database (upserted, so it may hold trials of earlier imports).</summary>
    public bool IsDatabase => Output.EndsWith(".duckdb", StringComparison.OrdinalIgnoreCase);

    /// <summary>One line for the user: what was read, imported, skipped and merged, and where it went.</summary>
    public string Summary
    {
        get
        {
            var stored = IsDatabase
                ? string.Create(CultureInfo.InvariantCulture, $"kept {Counts.KeptStored} stored trials updated more recently; the database holds {Counts.Total} trials; ")
                : "";
            return string.Create(CultureInfo.InvariantCulture,
                $"Read {Counts.Read} records; imported {Counts.Imported} ({Counts.Liver} liver, {Counts.Imported - Counts.Liver} not liver); skipped {Counts.Skipped} invalid; merged {Counts.Merged} duplicates; {stored}wrote {Output}");
        }
    }
}
