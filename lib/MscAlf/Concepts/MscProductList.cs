using MscAlf.Codes;
using MscAlf.Data;

namespace MscAlf.Concepts;

/// <summary>
/// An MSC product list: the library's own (<see cref="Builtin"/>, <c>Assets/msc_products.csv</c>), optionally with a
/// user's rows in the same columns added (<see cref="WithFile"/>), so that a researcher screening the registry can name
/// the products their own sources document.
/// </summary>
/// <remarks>
/// <para>Every row is one product and one source: <c>product</c>, <c>names</c> (the names, aliases and codes, separated
/// by <c>|</c>), <c>tissue</c> (a code of the MSC source set, <c>unspecified</c> when the source names none, empty when it
/// documents no tissue), <c>tissue_as_written</c>, <c>source</c> (the citation or defining record) and <c>url</c>.</para>
/// <para>The rules hold across every file of the list: a product's rows document exactly one tissue (a row of
/// <c>unspecified</c> gives way to one that names a tissue; <c>mixed</c> and <c>not_applicable</c> are refused), no name
/// belongs to two products, and every name has at least five letters or digits. A user's row whose product is already
/// listed adds its names and source to that product. A broken rule is a <see cref="DataValidationException"/> naming the
/// file, line, column and value.</para>
/// </remarks>
public sealed class MscProductList
{
    private const int MinNameLength = 5;

    private static readonly string Unspecified = CodeSet<MscSourceCode>.Code(MscSourceCode.Unspecified);

    private static readonly Lazy<MscProductList> Own = new(() =>
        Build(EmbeddedTable.Read("msc_products.csv", Schema("msc_products.csv")).Select(r => ("Assets/msc_products.csv", r)).ToList()));

    private readonly IReadOnlyList<(string File, CsvRow Row)> _rows;
    private readonly ProductNameMatcher _matcher;
    private readonly Dictionary<string, MscProductInfo> _byKey;

    private MscProductList(IReadOnlyList<(string File, CsvRow Row)> rows, IReadOnlyList<MscProductInfo> products, Dictionary<string, MscProductInfo> byKey)
    {
        (_rows, Products, _byKey) = (rows, products, byKey);
        _matcher = new ProductNameMatcher(products);
    }

    /// <summary>The library's own list: approved products from review tables and products that registry records define.</summary>
    public static MscProductList Builtin => Own.Value;

    /// <summary>Every product, in the order of their first row.</summary>
    public IReadOnlyList<MscProductInfo> Products { get; }

    /// <summary>The columns of a product list file named <paramref name="fileName"/>.</summary>
    public static TableSchema Schema(string fileName) => new(fileName,
    [
        new("product", ColumnType.Text, true, []),
        new("names", ColumnType.TextList, true, []),
        new("tissue", ColumnType.Code, false, CodeSet<MscSourceCode>.Codes),
        new("tissue_as_written", ColumnType.Text, false, []),
        new("source", ColumnType.Text, true, []),
        new("url", ColumnType.Text, true, []) { Pattern = "^https?://\\S+$" },
    ], ["product", "source"]);

    /// <summary>The first product of this list named in <paramref name="field"/>, or null when none is.</summary>
    public MscProductMention? Find(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return _matcher.Find(field) is var (index, length, product)
            ? new(product, StudyText.Snippet(field, index, length))
            : null;
    }

    /// <summary>
    /// The product one of whose names is <paramref name="name"/> (compared by letters and digits, ignoring case), or null,
    /// also for a name with no letter or digit.
    /// </summary>
    public MscProductInfo? Named(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Key(name) is { Length: > 0 } key ? _byKey.GetValueOrDefault(key) : null;
    }

    /// <summary>
    /// This list with the rows of the product list file at <paramref name="path"/> added; throws
    /// <see cref="DataValidationException"/> with every located error when the file breaks the columns or the rules.
    /// </summary>
    public MscProductList WithFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (rows, errors) = CsvTable.Read(path, Schema(Path.GetFileName(path)), CsvTable.MaxCuratedFileBytes);
        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }
        if (rows.Count == 0)
        {
            throw new DataValidationException([new DataError(path, 1, null, null, "at least one product row after the header")]);
        }
        return Build([.. _rows, .. rows.Select(r => (path, r))]);
    }

    /// <summary>
    /// A name reduced to its letters and digits, upper-case: how a match is looked up; empty when it has none. Used for
    /// every comparison of names, so that the product list, its matcher and the candidates of <c>products</c> agree.
    /// </summary>
    internal static string Key(string name) =>
        name.Any(ProductNameMatcher.IsWordChar) ? string.Concat(ProductNameMatcher.Runs(name)).ToUpperInvariant() : "";

    private static MscProductList Build(IReadOnlyList<(string File, CsvRow Row)> rows)
    {
        var errors = new List<DataError>();
        // Products are grouped as names are compared, ignoring case: a user's "PROCHYMAL" row joins Prochymal.
        var products = rows.GroupBy(r => r.Row.Required("product"), StringComparer.OrdinalIgnoreCase).Select(g => Product(g, errors)).ToList();
        var byName = products.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var byKey = new Dictionary<string, MscProductInfo>(StringComparer.Ordinal);
        var sources = new Dictionary<(string Product, string Source), (string File, int Line)>();
        foreach (var (file, row) in rows)
        {
            var (product, source) = (byName[row.Required("product")], row.Required("source"));
            if (!sources.TryAdd((product.Name, source), (file, row.Line)))
            {
                var (otherFile, otherLine) = sources[(product.Name, source)];
                errors.Add(new DataError(file, row.Line, "source", source,
                    $"one row per product and source; {product.Name} has this source already at {otherFile}:{otherLine}"));
            }
            foreach (var (name, key) in row.List("names").Select(n => (n, Key(n))).Where(n => n.Item2.Length >= MinNameLength))
            {
                if (byKey.TryGetValue(key, out var other) && other != product)
                {
                    errors.Add(new DataError(file, row.Line, "names", name, $"a name of one product; it is also a name of {other.Name}"));
                }
                byKey.TryAdd(key, product);
            }
        }
        // In the order the rows were given: the library's own first, then each file as it was added.
        var files = rows.Select(r => r.File).Distinct().ToList();
        return errors.Count > 0
            ? throw new DataValidationException([.. errors.OrderBy(e => files.IndexOf(e.File)).ThenBy(e => e.Line)])
            : new MscProductList(rows, products, byKey);
    }

    /// <summary>
    /// One product from its rows: every name of every row; the tissue of the rows that document one, which must agree (a row
    /// of "unspecified" agrees with any tissue; a product that only such rows document is unspecified). Every broken rule
    /// is added to <paramref name="errors"/> at its row.
    /// </summary>
    private static MscProductInfo Product(IGrouping<string, (string File, CsvRow Row)> rows, List<DataError> errors)
    {
        foreach (var (file, row) in rows)
        {
            errors.AddRange(row.List("names").Where(n => Key(n).Length < MinNameLength)
                .Select(n => new DataError(file, row.Line, "names", n, $"a name of at least {MinNameLength} letters or digits, so that it matches safely")));
            if (row.Get("tissue") is "mixed" or "not_applicable")
            {
                errors.Add(new DataError(file, row.Line, "tissue", row.Get("tissue"), "one tissue (or unspecified): a product's MSCs come from one tissue"));
            }
        }
        var names = rows.SelectMany(r => r.Row.List("names")).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var documented = rows.Where(r => r.Row.Get("tissue") is { } t && t is not ("mixed" or "not_applicable")).ToList();
        // A row of "unspecified" documents MSCs without a tissue; it gives way to the rows that name one.
        var named = documented.Where(r => r.Row.Get("tissue") != Unspecified).ToList();
        var (file1, first) = rows.First();
        if (documented.Count == 0)
        {
            if (!rows.Any(r => r.Row.Get("tissue") is "mixed" or "not_applicable"))
            {
                errors.Add(new DataError(file1, first.Line, "tissue", null, $"a documented tissue (or unspecified) in at least one row of {rows.Key}"));
            }
            return new(rows.Key, names, MscSourceCode.Unspecified, "", first.Required("source"));
        }
        var deciding = named.Count > 0 ? named[0] : documented[0];
        var tissue = deciding.Row.Required("tissue");
        errors.AddRange(named.Where(r => r.Row.Required("tissue") != tissue).Select(r => new DataError(r.File, r.Row.Line, "tissue", r.Row.Get("tissue"),
            $"the tissue of {rows.Key}'s row at {deciding.File}:{deciding.Row.Line}, {tissue}: a product has one tissue")));
        return new(rows.Key, names, CodeSet<MscSourceCode>.Parse(tissue), deciding.Row.Get("tissue_as_written") ?? "", deciding.Row.Required("source"));
    }
}
