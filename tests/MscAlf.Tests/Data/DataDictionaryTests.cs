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

    [Fact]
    public void Check_WhenRepositoryDictionary_FindsNothing() =>
        Assert.Empty(DataDictionary.Check(TestData.RepositoryDataDirectory, Dataset.Schemas));

    [Theory]
    [InlineData("trials.csv,enrollment,integer,no,,", "trials.csv,enrollment,text,no,,", "type", "integer, the type of trials.csv column enrollment")]
    [InlineData("trials.csv,scope,code,yes,in_scope|", "trials.csv,scope,code,no,in_scope|", "required", "yes for trials.csv column scope")]
    [InlineData("preclinical.csv,table,integer,yes,^[23]$", "preclinical.csv,table,integer,yes,^[23$", "allowed_values", "a regular expression from ^ to $ that compiles")]
    [InlineData("trials.csv,enrollment_type,code,no,actual|anticipated|estimated", "trials.csv,enrollment_type,code,no,actual||estimated", "allowed_values", "no empty value")]
    [InlineData("trials.csv,enrollment_type,code,no,actual|anticipated|estimated", "trials.csv,enrollment_type,code,no,actual|actual|estimated", "allowed_values", "'actual' appears 2 times")]
    [InlineData("trials.csv,enrollment_type,code,no,actual|anticipated|estimated", "trials.csv,enrollment_type,code,no,", "allowed_values", "it is empty")]
    [InlineData("trials.csv,title,text,no,,", "trials.csv,title,text,no,some|values,", "allowed_values", "nothing, or a ^…$ pattern")]
    [InlineData("human_studies.csv,row,integer", "humans.csv,row,integer", "file", "one of the data files")]
    [InlineData("trials.csv,sponsor,text", "trials.csv,funder,text", "column", "'sponsor' (the columns of trials.csv in order)")]
    public void Check_WhenARowIsWrong_ReportsItsLineColumnAndWhatWasExpected(string old, string replacement, string column, string expected)
    {
        using var copy = new DataCopy();
        copy.Replace(DataDictionary.FileName, old, replacement);
        var line = 1 + File.ReadAllText(copy.PathOf(DataDictionary.FileName)).Split('\n').TakeWhile(l => !l.StartsWith(replacement, StringComparison.Ordinal)).Count();
        var errors = DataDictionary.Check(copy.Directory, Dataset.Schemas);
        Assert.Contains(errors, e => e.Line == line && e.Column == column && e.Expected.Contains(expected, StringComparison.Ordinal));
        Assert.Throws<DataValidationException>(() => Dataset.Load(copy.Directory));
    }

    [Fact]
    public void Check_WhenAColumnIsNotDocumented_NamesIt()
    {
        using var copy = new DataCopy();
        var lines = File.ReadAllLines(copy.PathOf(DataDictionary.FileName)).Where(l => !l.StartsWith("human_studies.csv,reference,", StringComparison.Ordinal));
        File.WriteAllLines(copy.PathOf(DataDictionary.FileName), lines);
        var error = Assert.Single(DataDictionary.Check(copy.Directory, Dataset.Schemas));
        Assert.Equal(("column", "reference"), (error.Column, error.Value));
        Assert.Contains("human_studies.csv; there is none", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenDictionaryHasOnlyItsHeader_SaysSoOnce()
    {
        using var copy = new DataCopy();
        File.WriteAllText(copy.PathOf(DataDictionary.FileName), File.ReadLines(copy.PathOf(DataDictionary.FileName)).First() + "\n");
        var error = Assert.Single(DataDictionary.Check(copy.Directory, Dataset.Schemas));
        Assert.Contains("no rows", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenDictionaryIsMissing_SaysWhichFile()
    {
        using var copy = new DataCopy();
        File.Delete(copy.PathOf(DataDictionary.FileName));
        var ex = Assert.Throws<DataValidationException>(() => Dataset.Load(copy.Directory));
        Assert.Contains("data-dictionary.csv; it does not exist", Assert.Single(ex.Errors).ToString(), StringComparison.Ordinal);
    }

    private static List<Dictionary<string, string>> ReadDictionary() =>
        [.. DataDictionary.Rows(TestData.RepositoryDataDirectory).Select(r => r.Cells.ToDictionary())];
}
