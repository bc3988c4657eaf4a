using MscAlf.Codes;

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
/// them is not recognised. A user's reviewed rows add to it (<see cref="MscProductList.WithFile"/>, <c>import --products</c>;
/// <see cref="MscProductDefinitions"/> and <c>products</c> find candidates).</para>
/// </remarks>
public static class MscProduct
{
    /// <summary>Every product of the library's own list, in list order.</summary>
    public static IReadOnlyList<MscProductInfo> All => MscProductList.Builtin.Products;

    /// <summary>The first product of the library's own list named in <paramref name="field"/>, or null when none is.</summary>
    public static MscProductMention? Find(string field) => MscProductList.Builtin.Find(field);

    /// <summary>The product named in <paramref name="text"/>, read in the fields and order <see cref="MscSource"/> weighs.</summary>
    /// <param name="text">The record's text.</param>
    /// <param name="products">The product list (default: the library's own, <see cref="MscProductList.Builtin"/>).</param>
    public static Classified<MscProductInfo?> Classify(StudyText text, MscProductList? products = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = products ?? MscProductList.Builtin;
        var mention = MscSource.Fields(text.Folded()).Select(list.Find).FirstOrDefault(m => m is not null);
        return new(mention?.Product, mention?.Evidence);
    }
}
