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
    /// <summary>The names by the upper-case first character of their first run (runs upper-case too), longest first.</summary>
    private readonly Dictionary<char, (string[] Runs, MscProductInfo Product)[]> _byFirstLetter;

    /// <summary>
    /// The same lists for an ASCII first character and the ASCII character after it, as written (either case), at
    /// <c>first * 128 + next</c>: only the names that can match there (a first run of one character, or of two or more
    /// whose second is <c>next</c>), in the same order; null when none.
    /// </summary>
    private readonly (string[] Runs, MscProductInfo Product)[]?[] _ascii = new (string[], MscProductInfo)[]?[128 * 128];

    /// <summary>A matcher for every name of <paramref name="products"/>.</summary>
    public ProductNameMatcher(IEnumerable<MscProductInfo> products)
    {
        _byFirstLetter = products
            .SelectMany(p => p.Names.Select(n => (Runs: Array.ConvertAll(Runs(n), r => r.ToUpperInvariant()), Product: p)))
            .GroupBy(n => n.Runs[0][0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.Runs.Sum(r => r.Length)).ThenBy(n => n.Runs.Length).ToArray());
        for (var first = 0; first < 128; first++)
        {
            if (_byFirstLetter.GetValueOrDefault(char.ToUpperInvariant((char)first)) is not { } names)
            {
                continue;
            }
            for (var next = 0; next < 128; next++)
            {
                var upper = char.ToUpperInvariant((char)next);
                var here = Array.FindAll(names, n => n.Runs[0].Length == 1 || n.Runs[0][1] == upper);
                _ascii[(first * 128) + next] = here.Length > 0 ? here : null;
            }
        }
    }

    /// <summary>The first product name in <paramref name="text"/>: where it starts, its length and its product; null when none.</summary>
    public (int Index, int Length, MscProductInfo Product)? Find(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            // The table first: most characters start no name, and the test of a word start is the dearer one.
            var (c, next) = (text[i], i + 1 < text.Length ? text[i + 1] : '\0');
            var candidates = c < 128 && next < 128 ? _ascii[(c * 128) + next] : _byFirstLetter.GetValueOrDefault(char.ToUpperInvariant(c));
            if (candidates is null || !IsStart(text, i))
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

    internal static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetter(c) || char.IsNumber(c);

    /// <summary>Whether <paramref name="c"/> is <paramref name="upper"/> (an upper-case letter or a digit) in either case.</summary>
    private static bool SameLetter(char c, char upper) =>
        c == upper || (c < 128 ? char.IsAsciiLetterLower(c) && c - 32 == upper : char.ToUpperInvariant(c) == upper);

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
            if (p + run.Length > text.Length)
            {
                return 0;
            }
            for (var k = 0; k < run.Length; k++, p++)
            {
                if (!SameLetter(text[p], run[k]))
                {
                    return 0;
                }
            }
        }
        var ends = p == text.Length || (!IsWordChar(text[p]) && !(text[p] == '-' && p + 1 < text.Length && IsWordChar(text[p + 1])));
        return ends ? p : 0;
    }
}
