using System.Text.RegularExpressions;
using MscAlf.IO;

namespace MscAlf.Tests.Architecture;

/// <summary>
/// The layers of docs/architecture.md, enforced on the compiled assemblies: a type may refer to types of its own
/// layer and of the layers its layer may use (directly or through them), never to a layer above or beside it. The
/// table in the document is the one statement of the rule; this test reads it.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string[] Assemblies = ["MscAlf", "MscAlf.Notebooks", "MscAlf.Kernel", "MscAlf.Cli"];

    private static readonly Lazy<IReadOnlyList<Layer>> Table = new(ReadTable);

    private sealed record Layer(string Name, string Namespace, IReadOnlyList<string> Uses);

    [Fact]
    public void Assemblies_WhenCompiled_ReferNoLayerAboveOrBesideTheirOwn()
    {
        var layers = Table.Value;
        var allowed = layers.ToDictionary(l => l.Name, l => Closure(l.Name, layers));
        var violations = Assemblies
            .SelectMany(a => TypeReferences.Of(Path.Combine(AppContext.BaseDirectory, a + ".dll")))
            .Select(r => (r.From, r.To, FromLayer: LayerOf(r.FromNamespace, layers), ToLayer: LayerOf(r.ToNamespace, layers), r.FromNamespace, r.ToNamespace))
            .Where(r => r.FromLayer is not null && r.ToLayer is not null && r.FromLayer != r.ToLayer && !allowed[r.FromLayer].Contains(r.ToLayer))
            .GroupBy(r => (r.FromLayer, r.ToLayer))
            .Select(g => $"{g.Key.FromLayer} -> {g.Key.ToLayer}: " + string.Join(", ", g.Select(r => $"{r.FromNamespace}.{r.From} uses {r.ToNamespace}.{r.To}").Distinct().Take(5)))
            .ToList();
        Assert.True(violations.Count == 0, "Layer rule broken (docs/architecture.md):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Table_WhenRead_NamesEveryNamespaceOfTheLibraryAndOnlyLayersItDefines()
    {
        var layers = Table.Value;
        Assert.All(layers.SelectMany(l => l.Uses), used => Assert.Contains(used, layers.Select(l => l.Name)));
        var namespaces = Assemblies
            .SelectMany(a => TypeReferences.Of(Path.Combine(AppContext.BaseDirectory, a + ".dll")))
            .Select(r => r.FromNamespace).Where(n => n.StartsWith("MscAlf", StringComparison.Ordinal)).Distinct();
        Assert.All(namespaces, n => Assert.True(LayerOf(n, layers) is not null, $"{n} is in no layer of docs/architecture.md"));
    }

    [Theory]
    [InlineData("Data", "Concepts")]
    [InlineData("Export", "Registry")]
    [InlineData("Registry", "Export")]
    [InlineData("Concepts", "Figures")]
    [InlineData("Jobs", "Cli")]
    [InlineData("Jobs", "Notebooks")]
    [InlineData("Notebooks", "Notebooks.Jobs")]
    [InlineData("Kernel", "Cli")]
    public void Table_WhenRead_ForbidsTheUpwardAndSidewaysUses(string from, string to) =>
        Assert.DoesNotContain(to, Closure(from, Table.Value));

    /// <summary>The layers <paramref name="name"/> may use, directly or through the layers it uses.</summary>
    private static HashSet<string> Closure(string name, IReadOnlyList<Layer> layers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var work = new Stack<string>(layers.Single(l => l.Name == name).Uses);
        while (work.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var used in layers.Single(l => l.Name == next).Uses)
                {
                    work.Push(used);
                }
            }
        }
        return seen;
    }

    /// <summary>The layer whose namespace is the longest prefix of <paramref name="ns"/>, or null (not the project's).</summary>
    private static string? LayerOf(string ns, IReadOnlyList<Layer> layers) => layers
        .Where(l => ns == l.Namespace || ns.StartsWith(l.Namespace + ".", StringComparison.Ordinal))
        .MaxBy(l => l.Namespace.Length)?.Name;

    private static List<Layer> ReadTable()
    {
        var document = File.ReadAllText(Path.Combine(ProjectPaths.Find().Root, "docs", "architecture.md"));
        var rows = Row().Matches(document).Select(m => new Layer(m.Groups[1].Value, m.Groups[2].Value,
            [.. m.Groups[3].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(u => u != "—")])).ToList();
        Assert.True(rows.Count >= 10, "docs/architecture.md has no layer table (| layer | `namespace` | may use |)");
        return rows;
    }

    /// <summary>A row of the layer table: <c>| Name | `MscAlf.X` | A, B |</c>.</summary>
    [GeneratedRegex(@"^\| *([A-Za-z.]+) *\| *`(MscAlf[A-Za-z.]*)` *\| *([^|]*?) *\|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
