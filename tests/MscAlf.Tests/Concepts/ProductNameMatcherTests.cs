using System.Text.RegularExpressions;
using MscAlf.Concepts;
using MscAlf.Registry;

namespace MscAlf.Tests.Concepts;

public sealed class ProductNameMatcherTests
{
    private static readonly ProductNameMatcher Matcher = new(MscProduct.All);

    /// <summary>
    /// The regular expression the matcher replaced, kept as the oracle: each name's runs of letters or digits joined by an
    /// optional white space or hyphen, longest first, not inside a word, not joined by a hyphen to more letters or digits.
    /// </summary>
    private static readonly Regex Oracle = new(
        $@"(?<![\p{{L}}\p{{N}}]|[\p{{L}}\p{{N}}]-)(?:{string.Join("|", MscProduct.All.SelectMany(p => p.Names)
            .Select(n => string.Join(@"[\s-]?", Regex.Matches(n, @"\p{L}+|\p{N}+").Select(m => Regex.Escape(m.Value))))
            .Distinct(StringComparer.Ordinal).OrderByDescending(a => a.Length))})(?![\p{{L}}\p{{N}}]|-[\p{{L}}\p{{N}}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("Cx601", new[] { "Cx", "601" })]
    [InlineData("NeuroNata-R", new[] { "NeuroNata", "R" })]
    [InlineData("UMC119-06-05", new[] { "UMC", "119", "06", "05" })]
    [InlineData("ReJoin™", new[] { "ReJoin" })]
    public void Runs_WhenAName_SplitsLettersFromDigits(string name, string[] runs) =>
        Assert.Equal(runs, ProductNameMatcher.Runs(name));

    [Theory]
    [InlineData("Biological: ALLO-ASC-DFU sheet", 12, 12)]
    [InlineData("CX 601 and more", 0, 6)]
    [InlineData("x-Prochymal, then Prochymal", 18, 9)] // a name joined by a hyphen to a letter before it is not matched
    [InlineData("Cellgram AMI", 0, 12)] // the longer name at the same place
    [InlineData("UMC119-06-05 injection", 0, 12)]
    public void Find_WhenANameIsInTheText_ReturnsWhereItIs(string text, int index, int length)
    {
        var found = Matcher.Find(text);
        Assert.Equal((index, length), (found?.Index, found?.Length));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Prochymalx")]
    [InlineData("Cellgram-LC")]
    [InlineData("ALLO-ASC-SHEET")]
    [InlineData("Cx6 01")]
    public void Find_WhenNoNameIsInTheText_ReturnsNull(string text) => Assert.Null(Matcher.Find(text));

    /// <summary>
    /// Every text field of every registry fixture (the evaluation sets included), as read and as folded, gives the same
    /// first match as the regular expression, and so do the same fields with each listed name put in at the start, the
    /// end and next to a hyphen.
    /// </summary>
    [Fact]
    public void Find_WhenComparedWithTheRegularExpressionOnEveryFixtureField_Agrees()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "registry");
        var fields = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith("export.csv", StringComparison.Ordinal))
            .SelectMany(f => RegistryReader.Read(f).Select(i => i.Study).OfType<RegistryStudy>())
            .Select(RegistryImport.TextOf)
            .SelectMany(t => new[] { t, t.Folded() })
            .SelectMany(t => t.Interventions.Concat(t.Arms).Concat(t.Titles).Append(t.Summary ?? ""))
            .ToList();
        var names = MscProduct.All.SelectMany(p => p.Names).ToList();
        var probes = names.SelectMany(n => new[] { n, $"x-{n}", $"{n}-x", $"({n.ToUpperInvariant()})", n.Replace('-', ' ') });
        var texts = fields.Concat(probes.Zip(fields.Take(names.Count * 5), (p, f) => $"{f} {p}")).ToList();
        Assert.True(fields.Count > 2000, $"{fields.Count} fields");
        var found = 0;
        foreach (var text in texts)
        {
            var expected = Oracle.Match(text);
            var got = Matcher.Find(text);
            Assert.True(expected.Success == got.HasValue, $"'{text}': regex {expected.Success}, matcher {got.HasValue}");
            if (expected.Success)
            {
                found++;
                Assert.Equal((expected.Index, expected.Length), (got!.Value.Index, got.Value.Length));
            }
        }
        Assert.True(found > 100, $"only {found} texts name a product");
    }
}
