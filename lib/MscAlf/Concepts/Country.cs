using System.Collections.Frozen;
using System.Text.RegularExpressions;
using MscAlf.Data;

namespace MscAlf.Concepts;

/// <summary>A country as figures show it.</summary>
/// <param name="Alpha3">The ISO 3166-1 alpha-3 code (what the world map uses).</param>
/// <param name="Name">The display name.</param>
/// <param name="Continent">The continent (Africa, Asia, Europe, North America, Oceania, South America, Antarctica).</param>
public sealed record CountryInfo(string Alpha3, string Name, string Continent);

/// <summary>
/// Country, in the ctrdata manner: registry country names → ISO 3166-1 alpha-3, display name and continent.
/// </summary>
/// <remarks>
/// The table (<c>Assets/countries.csv</c>, 250 countries) comes from the npm packages i18n-iso-countries
/// (English names and codes) and countries-list (display name, continent), MIT; <c>tools/assets</c> rebuilds it.
/// A registry name matches a name or alias ignoring case, accents and punctuation; the registry's inverted
/// form ("Iran, Islamic Republic of", "Korea, Republic of") is also tried with its parts swapped. A name that
/// matches nothing falls through to null and stays visible as itself (never dropped). A trial with sites in
/// several countries counts once in each.
/// </remarks>
public static partial class Country
{
    private static readonly Lazy<(FrozenDictionary<string, CountryInfo> ByName, FrozenDictionary<string, CountryInfo> ByCode)> Table =
        new(Load);

    /// <summary>All countries of the table, by alpha-3 code.</summary>
    public static IReadOnlyCollection<CountryInfo> All => Table.Value.ByCode.Values;

    /// <summary>Names already looked up (a registry uses a few hundred; the cache stops growing at <see cref="MaxRemembered"/>).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CountryInfo?> Remembered = new(StringComparer.Ordinal);

    private const int MaxRemembered = 4096;

    /// <summary>The country a registry name stands for, or null when the name is not recognised.</summary>
    public static Classified<CountryInfo?> Classify(string registryName)
    {
        ArgumentNullException.ThrowIfNull(registryName);
        if (!Remembered.TryGetValue(registryName, out var info))
        {
            info = Lookup(registryName);
            if (Remembered.Count < MaxRemembered)
            {
                Remembered.TryAdd(registryName, info);
            }
        }
        return new(info, registryName);
    }

    private static CountryInfo? Lookup(string registryName)
    {
        var byName = Table.Value.ByName;
        if (byName.TryGetValue(Key(registryName), out var info))
        {
            return info;
        }
        var comma = registryName.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 && byName.TryGetValue(Key(registryName[(comma + 1)..] + " " + registryName[..comma]), out info) ? info : null;
    }

    /// <summary>The country of an alpha-3 code.</summary>
    public static CountryInfo? ByCode(string alpha3) => Table.Value.ByCode.GetValueOrDefault(alpha3);

    /// <summary>Registry spellings that the alias table leaves ambiguous or lacks.</summary>
    private static readonly (string Name, string Alpha3)[] RegistryNames =
    [
        ("Congo", "COG"),
        ("Congo, The Democratic Republic of the", "COD"),
        ("Former Serbia and Montenegro", "SRB"),
        ("Korea, Democratic People's Republic of", "PRK"),
        ("Libyan Arab Jamahiriya", "LBY"),
        ("Palestinian Territory, occupied", "PSE"),
        ("Macedonia, The Former Yugoslav Republic of", "MKD"),
    ];

    private static string Key(string name)
    {
        var decomposed = name.Normalize(System.Text.NormalizationForm.FormD);
        var letters = NotLetter().Replace(decomposed, "").ToUpperInvariant();
        return letters.StartsWith("THE", StringComparison.Ordinal) && letters.Length > 6 ? letters[3..] : letters;
    }

    private static (FrozenDictionary<string, CountryInfo>, FrozenDictionary<string, CountryInfo>) Load()
    {
        var schema = new TableSchema("countries.csv",
        [
            new("alpha3", ColumnType.Text, true, []) { Pattern = "^[A-Z]{3}$" },
            new("name", ColumnType.Text, true, []),
            new("continent", ColumnType.Text, false, []),
            new("aliases", ColumnType.TextList, true, []),
        ], ["alpha3"]);
        var rows = EmbeddedTable.Read("countries.csv", schema);
        var infos = rows.Select(r => (Info: new CountryInfo(r.Required("alpha3"), r.Required("name"), r.Get("continent") ?? ""),
            Names: r.List("aliases").Append(r.Required("name")))).ToList();
        // Display names always match; an alias that two countries share ("Congo") matches neither, except
        // where the registry's own usage settles it (RegistryNames).
        var byName = infos.ToDictionary(i => Key(i.Info.Name), i => i.Info, StringComparer.Ordinal);
        var unique = infos.SelectMany(i => i.Names.Select(n => (Key: Key(n), i.Info)))
            .GroupBy(a => a.Key).Where(g => g.Select(a => a.Info.Alpha3).Distinct().Count() == 1);
        foreach (var alias in unique)
        {
            byName.TryAdd(alias.Key, alias.First().Info);
        }
        foreach (var (name, alpha3) in RegistryNames)
        {
            byName[Key(name)] = infos.Single(i => i.Info.Alpha3 == alpha3).Info;
        }
        return (byName.ToFrozenDictionary(StringComparer.Ordinal), infos.ToFrozenDictionary(i => i.Info.Alpha3, i => i.Info));
    }

    [GeneratedRegex(@"[^\p{L}]")]
    private static partial Regex NotLetter();
}
