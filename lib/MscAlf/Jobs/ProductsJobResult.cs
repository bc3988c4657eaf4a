using System.Globalization;

namespace MscAlf.Jobs;

/// <summary>What the products job found.</summary>
/// <param name="Read">Records read (skipped ones included).</param>
/// <param name="Skipped">Records that could not be read and were skipped.</param>
/// <param name="Definitions">Candidate rows written: one per name, record and pattern.</param>
/// <param name="Names">Distinct names among them.</param>
/// <param name="KnownLeftOut">Definitions of names the product lists hold already, left out.</param>
/// <param name="Disagreeing">Names whose rows give two or more tissues: to settle before the file is used.</param>
/// <param name="Output">The full path of the file written.</param>
public sealed record ProductsJobResult(long Read, long Skipped, int Definitions, int Names, int KnownLeftOut, int Disagreeing, string Output)
{
    /// <summary>One line for the user.</summary>
    public string Summary =>
        string.Create(CultureInfo.InvariantCulture, $"Read {Read} records (skipped {Skipped} invalid); found {Definitions} candidate definitions of {Names} names not in the product list ") +
        string.Create(CultureInfo.InvariantCulture, $"({KnownLeftOut} definitions of listed names left out; {Disagreeing} names with rows of different tissues); wrote {Output}. ") +
        "Read every row: keep only products a sentence defines as MSCs given, then pass the file to import --products.";
}
