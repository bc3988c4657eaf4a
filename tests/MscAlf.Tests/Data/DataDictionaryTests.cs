using MscAlf.Data;

namespace MscAlf.Tests.Data;

/// <summary>data/data-dictionary.csv, the files' headers and the library's schemas agree, both ways.</summary>
public sealed class DataDictionaryTests
{
    private static readonly List<Dictionary<string, string>> Entries = ReadDictionary();

    public static TheoryData<string> Files() => [.. Dataset.Schemas.Select(s => s.FileName)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Dictionary_WhenComparedWithFileHeader_ListsExactlyItsColumnsInOrder(string file)
    {
        var header = File.ReadLines(Path.Combine(TestData.RepositoryDataDirectory, file)).First().Split(',');
        var documented = Entries.Where(e => e["file"] == file).Select(e => e["column"]);
        Assert.Equal(header, documented);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Dictionary_WhenComparedWithSchema_AgreesOnTypeRequiredAndAllowedValues(string file)
    {
        var schema = Dataset.Schemas.Single(s => s.FileName == file);
        var documented = Entries.Where(e => e["file"] == file).ToList();
        Assert.Equal(schema.Columns.Select(c => c.Name), documented.Select(e => e["column"]));
        foreach (var (spec, entry) in schema.Columns.Zip(documented))
        {
            Assert.Equal(spec.TypeName, entry["type"]);
            Assert.Equal(spec.Required ? "yes" : "no", entry["required"]);
            var allowed = spec.Pattern ?? string.Join('|', spec.Allowed);
            Assert.Equal(allowed, entry["allowed_values"]);
        }
    }

    [Fact]
    public void Dictionary_WhenRead_DocumentsOnlyKnownFilesWithDescriptionAndSource()
    {
        var files = Dataset.Schemas.Select(s => s.FileName).ToHashSet();
        Assert.All(Entries, e =>
        {
            Assert.Contains(e["file"], files);
            Assert.False(string.IsNullOrWhiteSpace(e["description"]), $"{e["file"]}.{e["column"]} has no description");
            Assert.False(string.IsNullOrWhiteSpace(e["source"]), $"{e["file"]}.{e["column"]} has no source");
        });
    }

    [Fact]
    public void Load_WhenRead_IsOneRowPerColumnOfEveryFile() =>
        Assert.Equal(Dataset.Schemas.Sum(s => s.Columns.Count), (int)DataDictionary.Load(TestData.RepositoryDataDirectory).Rows.Count);

    private static List<Dictionary<string, string>> ReadDictionary() =>
        [.. DataDictionary.Rows(TestData.RepositoryDataDirectory).Select(r => r.Cells.ToDictionary())];
}
