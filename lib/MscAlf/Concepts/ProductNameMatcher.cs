namespace MscAlf.Concepts;

/// <summary>
/// Finds the MSC product names of <see cref="MscProduct"/> in text, without a regular expression: a pattern of some
/// 80 alternatives cost about 0.1 s to compile at every start of the CLI (measured on a 150-row import,
/// docs/performance.md), more than matching it on 10,000 records.
/// </summary>
/// <remarks>
/// The rule is the list's: a name is its runs of letters or of digits in order ("NeuroNata-R": NeuroNata, R), ignoring
/// case, joined in the text by nothing, one white-space character or a hyphen; it starts where no letter or digit, and
/// no letter or digit followed by a hyphen, comes before it, and ends where no letter or digit, and no hyphen followed
/// by a letter or digit, comes after it ("Cellgram-LC" is not "Cellgram"). At the first position where a name matches,
/// the longest name is taken.
/// </remarks>
internal sealed class ProductNameMatcher
{
    private readonly Dictionary<char, (string[] Runs, MscProductInfo Product)[]> _byFirstLetter;

    /// <summary>A matcher for every name of <paramref name="products"/>.</summary>
    public ProductNameMatcher(IEnumerable<MscProductInfo> products)
    {
        _byFirstLetter = products
            .SelectMany(p => p.Names.Select(n => (Runs: Runs(n), Product: p)))
            .GroupBy(n => char.ToUpperInvariant(n.Runs[0][0]))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.Runs.Sum(r => r.Length)).ThenBy(n => n.Runs.Length).ToArray());
    }

    /// <summary>The first product name in <paramref name="text"/>: where it starts, its length and its product; null when none.</summary>
    public (int Index, int Length, MscProductInfo Product)? Find(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsStart(text, i) || !_byFirstLetter.TryGetValue(char.ToUpperInvariant(text[i]), out var candidates))
            {
                continue;
            }
            foreach (var (runs, product) in candidates)
            {
                var end = EndOfMatch(text, i, runs);
                if (end > 0)
                {
                    return (i, end - i, product);
                }
            }
        }
        return null;
    }

    /// <summary>The runs of letters and of digits of a name ("Cx601": Cx, 601).</summary>
    internal static string[] Runs(string name)
    {
        var runs = new List<string>();
        for (var i = 0; i < name.Length;)
        {
            if (!IsWordChar(name[i]))
            {
                i++;
                continue;
            }
            var letters = char.IsLetter(name[i]);
            var start = i;
            while (i < name.Length && IsWordChar(name[i]) && char.IsLetter(name[i]) == letters)
            {
                i++;
            }
            runs.Add(name[start..i]);
        }
        return runs.Count > 0 ? [.. runs] : throw new ArgumentException($"'{name}' has no letter or digit", nameof(name));
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || char.IsNumber(c);

    private static bool IsStart(string text, int i) =>
        IsWordChar(text[i]) && (i == 0 || (!IsWordChar(text[i - 1]) && !(text[i - 1] == '-' && i > 1 && IsWordChar(text[i - 2]))));

    /// <summary>Where a match of <paramref name="runs"/> starting at <paramref name="start"/> ends, or 0 when there is none.</summary>
    private static int EndOfMatch(string text, int start, string[] runs)
    {
        var p = start;
        for (var r = 0; r < runs.Length; r++)
        {
            if (r > 0 && p < text.Length && (char.IsWhiteSpace(text[p]) || text[p] == '-'))
            {
                p++; // one separator between runs; a run never starts with one, so taking it loses no match
            }
            var run = runs[r];
            if (p + run.Length > text.Length || string.Compare(text, p, run, 0, run.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                return 0;
            }
            p += run.Length;
        }
        var ends = p == text.Length || (!IsWordChar(text[p]) && !(text[p] == '-' && p + 1 < text.Length && IsWordChar(text[p + 1])));
        return ends ? p : 0;
    }
}
