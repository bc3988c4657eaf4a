using MscAlf.Data;

namespace MscAlf.Tests.Data;

/// <summary>Dataset.Load on broken copies of the real data: every error, located, and nothing loaded.</summary>
public sealed class DatasetLoadErrorTests
{
    [Fact]
    public void Load_WhenNctIdIsDuplicated_ThrowsNamingTheId()
    {
        using var copy = new DataCopy();
        copy.Replace("trials.csv", "NCT00476060,", "NCT00420134,");
        var ex = Assert.Throws<DataValidationException>(() => Dataset.Load(copy.Directory));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(("nct_id", "NCT00420134"), (error.Column, error.Value));
        Assert.EndsWith("trials.csv", error.File, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Load_WhenDateIsBad_NamesFileLineColumnAndValue()
    {
        using var copy = new DataCopy();
        copy.Replace("trials.csv", ",2006-02,", ",2006-13,");
        var ex = Assert.Throws<DataValidationException>(() => Dataset.Load(copy.Directory));
        var error = Assert.Single(ex.Errors);
        Assert.Equal((2, "start_date", "2006-13"), (error.Line, error.Column, error.Value));
        Assert.Contains("trials.csv:2: column 'start_date': value '2006-13'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenSeveralFilesAreBad_ReportsErrorsOfEveryFile()
    {
        using var copy = new DataCopy();
        copy.Replace("trials.csv", ",bone_marrow,", ",marrow,");
        copy.Replace("preclinical.csv", ",Rat,", ",Rabbit,");
        copy.Replace("human_studies.csv", ",43,", ",forty-three,");
        var ex = Assert.Throws<DataValidationException>(() => Dataset.Load(copy.Directory));
        Assert.Equal(["human_studies.csv", "preclinical.csv", "trials.csv"],
            ex.Errors.Select(e => Path.GetFileName(e.File)).Order());
    }

    [Fact]
    public void Load_WhenFileIsMissing_SaysWhichFile()
    {
        using var copy = new DataCopy();
        File.Delete(copy.PathOf("preclinical.csv"));
        var ex = Assert.Throws<DataValidationException>(() => Dataset.Load(copy.Directory));
        Assert.Contains("preclinical.csv", Assert.Single(ex.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenFileHasBomAndCrlf_LoadsTheSameData()
    {
        using var copy = new DataCopy();
        var path = copy.PathOf("trials.csv");
        var text = File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal);
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var loaded = Dataset.Load(copy.Directory);
        Assert.Equal(TestData.Dataset.Trials, loaded.Trials, TrialComparer.Instance);
    }

    private sealed class TrialComparer : IEqualityComparer<Trial>
    {
        public static readonly TrialComparer Instance = new();

        public bool Equals(Trial? x, Trial? y) =>
            x is not null && y is not null && x.NctId == y.NctId && x.Title == y.Title &&
            x.Sources.SequenceEqual(y.Sources) && x.Conditions.SequenceEqual(y.Conditions) && x.Enrollment == y.Enrollment;

        public int GetHashCode(Trial obj) => obj.NctId.GetHashCode(StringComparison.Ordinal);
    }
}
