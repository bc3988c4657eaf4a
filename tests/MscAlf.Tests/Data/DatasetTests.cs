using MscAlf.Codes;
using MscAlf.Data;

namespace MscAlf.Tests.Data;

/// <summary>Known answers: a change to the data must fail these loudly, and then be made on purpose.</summary>
public sealed class DatasetTests
{
    private static readonly Dataset Data = TestData.Dataset;

    [Fact]
    public void Load_WhenRepositoryData_RowsPerFileAreKnown()
    {
        Assert.Equal(87, Data.Trials.Count);
        Assert.Equal(26, Data.Preclinical.Count);
        Assert.Equal(13, Data.Preclinical.Count(p => p.Table == 2));
        Assert.Equal(13, Data.Preclinical.Count(p => p.Table == 3));
        Assert.Equal(15, Data.HumanStudies.Count);
    }

    [Fact]
    public void November2021Trials_WhenRepositoryData_Are69()
    {
        Assert.Equal(69, Data.November2021Trials.Count);
        Assert.All(Data.November2021Trials, t => Assert.True(t.FirstPosted < new PartialDate(2021, 12, 1)));
    }

    [Theory]
    [InlineData("in_scope", 69)]
    [InlineData("borderline", 3)]
    [InlineData("out_of_scope", 3)]
    [InlineData("excluded", 1)]
    [InlineData("registered_after_cutoff", 10)]
    [InlineData("unverified", 1)]
    public void Trials_WhenCountedByScope_MatchKnownCounts(string scope, int expected) =>
        Assert.Equal(expected, Data.Trials.Count(t => t.Scope == CodeSet<Scope>.Parse(scope)));

    [Theory]
    [InlineData("bone_marrow", 25)]
    [InlineData("umbilical_cord", 25)]
    [InlineData("cord_blood", 1)]
    [InlineData("adipose", 6)]
    [InlineData("placenta", 0)]
    [InlineData("amniotic", 0)]
    [InlineData("menstrual_blood", 1)]
    [InlineData("dental_pulp", 0)]
    [InlineData("skin", 1)]
    [InlineData("ipsc_derived", 0)]
    [InlineData("other", 0)]
    [InlineData("mixed", 2)]
    [InlineData("unspecified", 8)]
    [InlineData("not_applicable", 0)]
    public void November2021Trials_WhenCountedByMscSource_MatchKnownCounts(string source, int expected) =>
        Assert.Equal(expected, Data.November2021Trials.Count(t => t.MscSource == CodeSet<MscSourceCode>.Parse(source)));

    [Theory]
    [InlineData("bone_marrow", 28)]
    [InlineData("umbilical_cord", 32)]
    [InlineData("unspecified", 13)]
    [InlineData("not_applicable", 2)]
    [InlineData("other", 1)]
    public void Trials_WhenCountedByMscSource_MatchKnownCounts(string source, int expected) =>
        Assert.Equal(expected, Data.Trials.Count(t => t.MscSource == CodeSet<MscSourceCode>.Parse(source)));

    [Fact]
    public void Trials_WhenRead_KeepDatePrecisionAndUnknowns()
    {
        var first = Data.Trials.Single(t => t.NctId == "NCT00420134");
        Assert.Equal("2006-02", first.StartDate.ToString());
        Assert.Equal("2007-01-09", first.FirstPosted.ToString());
        Assert.Equal(["Liver Failure", "Cirrhosis"], first.Conditions);
        var unknown = Data.Trials.Single(t => t.NctId == "NCT05881668");
        Assert.Null(unknown.Enrollment);
        Assert.Null(unknown.StartDate);
        Assert.Empty(unknown.Countries);
    }

    [Fact]
    public void TrialsFrame_WhenBuilt_HasTypedColumnsWithNulls()
    {
        var frame = Data.TrialsFrame();
        Assert.Equal(87, frame.Rows.Count);
        Assert.Equal(Trial.Schema.Columns.Select(c => c.Name), frame.Columns.Select(c => c.Name));
        var enrollment = frame.Columns["enrollment"];
        Assert.Equal(typeof(int), enrollment.DataType);
        Assert.Equal(Data.Trials.Count(t => t.Enrollment is null), enrollment.NullCount);
        Assert.True(enrollment.NullCount > 0);
        Assert.Equal(typeof(string), frame.Columns["start_date"].DataType);
        Assert.Equal("2006-02", frame.Columns["start_date"][0]);
    }

    [Fact]
    public void PreclinicalAndHumanFrames_WhenBuilt_HaveOneRowPerRecord()
    {
        Assert.Equal(26, Data.PreclinicalFrame().Rows.Count);
        var human = Data.HumanStudiesFrame();
        Assert.Equal(15, human.Rows.Count);
        Assert.Equal(typeof(int), human.Columns["participants"].DataType);
        Assert.Equal(Data.HumanStudies.Sum(h => h.Participants), (int)human.Columns["participants"].Sum());
    }
}
