using MscAlf.Codes;
using MscAlf.Data;

namespace MscAlf.Concepts;

/// <summary>An MSC product of the product list, as its sources document it.</summary>
/// <param name="Name">The product's name in the list (one per product; the names a record may use are in <paramref name="Names"/>).</param>
/// <param name="Names">Every name, alias and code the sources write for it.</param>
/// <param name="Tissue">The tissue the sources document for its MSCs; <see cref="MscSourceCode.Unspecified"/> when no row
/// names one (a registry record that defines the product as MSCs without saying from what).</param>
/// <param name="TissueAsWritten">The source's own words for that tissue.</param>
/// <param name="Source">The citation of the first source that documents the tissue.</param>
public sealed record MscProductInfo(string Name, IReadOnlyList<string> Names, MscSourceCode Tissue, string TissueAsWritten, string Source);

/// <summary>A product named in a field: the product and the words around its name.</summary>
/// <param name="Product">The product.</param>
/// <param name="Snippet">The name with up to 40 characters either side.</param>
public sealed record MscProductMention(MscProductInfo Product, string Snippet)
{
    /// <summary>The evidence text: the snippet, the product, its documented tissue and the source that documents it.</summary>
    public string Evidence => Product.Tissue == MscSourceCode.Unspecified
        ? $"{Snippet} [MSC product {Product.Name}: documented as MSCs, tissue not named, {Product.Source}]"
        : $"{Snippet} [MSC product {Product.Name}: documented tissue {MscSource.Values.Label(Product.Tissue)} " +
          $"(\"{Product.TissueAsWritten}\"), {Product.Source}]";
}

/// <summary>
/// MSC product, in the ctrdata manner: an MSC product named in registry text by its brand, non-proprietary name or code
/// (Prochymal, Alofisel, darvadstrocel, Cx601 …), from an explicit list with its sources.
/// </summary>
/// <remarks>
/// <para>The list (<c>Assets/msc_products.csv</c>) holds every MSC product named in a few published tables of approved MSC
/// products, taken whole, plus the aliases of a regulatory assessment and a company announcement, and the products still
/// in trials that a registry record defines as MSCs ("ALLO-ASC-DFU is a hydrogel sheet containing allogenic
/// adipose-derived mesenchymal stem cells"), found by <c>tools/mine_msc_products.py</c> in registry text outside every
/// evaluation set and reviewed by hand. Each row keeps the names as written, the tissue the source documents (unspecified
/// when the defining record names none) and the citation with its address (docs/classifiers.md). Products whose cells are
/// not MSCs (chondrocytes, limbal stem cells, cord-blood haematopoietic cells) are not listed.</para>
/// <para>A name matches as a whole word, ignoring case, with its parts (letters, digits) joined by nothing, a space or a
/// hyphen ("NeuroNata-R", "Neuronata R", "Cx601", "CX-601"); a name joined by a hyphen to further letters or digits is
/// another product's name and does not match ("Cellgram-LC" is not "Cellgram"); <see cref="ProductNameMatcher"/> applies
/// the rule. Every name has at least five letters or digits, so no short code ("ASC", "MPC") is ever matched.
/// Fall-through: no listed name in the text gives null.</para>
/// <para>The list is plausibility-checked, not validated: it is as complete as its sources, and a product missing from
/// them is not recognised.</para>
/// </remarks>
public static class MscProduct
{
    private const int MinNameLength = 5;

    private static readonly string Unspecified = CodeSet<MscSourceCode>.Code(MscSourceCode.Unspecified);

    private static readonly Lazy<(IReadOnlyList<MscProductInfo> Products, ProductNameMatcher Matcher)> Table = new(Load);

    /// <summary>Every product of the list, in list order.</summary>
    public static IReadOnlyList<MscProductInfo> All => Table.Value.Products;

    /// <summary>The first listed product named in <paramref name="field"/>, or null when none is.</summary>
    public static MscProductMention? Find(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Table.Value.Matcher.Find(field) is var (index, length, product)
            ? new(product, StudyText.Snippet(field, index, length))
            : null;
    }

    /// <summary>The product named in <paramref name="text"/>, read in the fields and order <see cref="MscSource"/> weighs.</summary>
    public static Classified<MscProductInfo?> Classify(StudyText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mention = MscSource.Fields(text.Folded()).Select(Find).FirstOrDefault(m => m is not null);
        return new(mention?.Product, mention?.Evidence);
    }

    /// <summary>A name reduced to its letters and digits, upper-case: how a match is looked up.</summary>
    private static string Key(string name) => string.Concat(ProductNameMatcher.Runs(name)).ToUpperInvariant();

    private static (IReadOnlyList<MscProductInfo>, ProductNameMatcher) Load()
    {
        var schema = new TableSchema("msc_products.csv",
        [
            new("product", ColumnType.Text, true, []),
            new("names", ColumnType.TextList, true, []),
            new("tissue", ColumnType.Code, false, CodeSet<MscSourceCode>.Codes),
            new("tissue_as_written", ColumnType.Text, false, []),
            new("source", ColumnType.Text, true, []),
            new("url", ColumnType.Text, true, []) { Pattern = "^https?://\\S+$" },
        ], ["product", "source"]);
        var rows = EmbeddedTable.Read("msc_products.csv", schema);
        var products = rows.GroupBy(r => r.Required("product")).Select(Product).ToList();
        var byKey = new Dictionary<string, MscProductInfo>(StringComparer.Ordinal);
        foreach (var product in products)
        {
            foreach (var name in product.Names)
            {
                if (byKey.TryGetValue(Key(name), out var other) && other != product)
                {
                    throw new InvalidOperationException($"Assets/msc_products.csv: the name '{name}' belongs to {other.Name} and {product.Name}");
                }
                byKey[Key(name)] = product;
            }
        }
        return (products, new ProductNameMatcher(products));
    }

    /// <summary>
    /// One product from its rows: every name of every row; the tissue of the rows that document one, which must agree (a row
    /// of "unspecified" agrees with any tissue; a product that only such rows document is unspecified).
    /// </summary>
    private static MscProductInfo Product(IGrouping<string, CsvRow> rows)
    {
        var names = rows.SelectMany(r => r.List("names")).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.FirstOrDefault(n => Key(n).Length < MinNameLength) is { } tooShort)
        {
            throw new InvalidOperationException($"Assets/msc_products.csv: the name '{tooShort}' of {rows.Key} is too short to match safely");
        }
        // A row of "unspecified" documents MSCs without a tissue; it gives way to a row that names one.
        var documented = rows.Where(r => r.Get("tissue") is not null).OrderBy(r => r.Get("tissue") == Unspecified).ToList();
        var tissues = documented.Select(r => r.Required("tissue")).Distinct(StringComparer.Ordinal).ToList();
        if (tissues.Count == 2 && tissues.Contains(Unspecified))
        {
            tissues.Remove(Unspecified);
        }
        if (tissues.FirstOrDefault(t => t is "mixed" or "not_applicable") is { } notOne)
        {
            throw new InvalidOperationException($"Assets/msc_products.csv: {rows.Key} has tissue '{notOne}', which is not one tissue");
        }
        if (tissues.Count != 1)
        {
            throw new InvalidOperationException(
                $"Assets/msc_products.csv: {rows.Key} needs exactly one documented tissue, found {(tissues.Count == 0 ? "none" : string.Join(", ", tissues))}");
        }
        var first = documented[0];
        return new(rows.Key, names, CodeSet<MscSourceCode>.Parse(tissues[0]), first.Get("tissue_as_written") ?? "", first.Required("source"));
    }
}
