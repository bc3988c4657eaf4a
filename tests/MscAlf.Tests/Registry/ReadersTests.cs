using MscAlf.Registry;

namespace MscAlf.Tests.Registry;

public sealed class ReadersTests
{
    [Fact]
    public void CsvExport_WhenRealDownload_ReadsEveryRecordByHeaderName()
    {
        var result = CsvExportReader.ReadFile(Fixtures.Csv);
        Assert.Empty(result.Errors);
        Assert.Equal(25, result.Studies.Count);
        var study = result.Studies[0];
        Assert.Equal(("NCT06600893", "COMPLETED", "INTERVENTIONAL", (int?)35), (study.NctId, study.OverallStatus, study.StudyType, study.Enrollment));
        Assert.Equal(["NA"], study.Phases);
        Assert.Equal(["DEVICE: Low intensity shockwave therapy (LiSWT)", "DEVICE: Sham"], study.Interventions);
        Assert.Equal(["United States"], study.Countries);
        Assert.Equal("2019-08-05", study.StartDate.ToString());
        Assert.EndsWith(":2", study.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvExport_WhenSubsetOfColumnsInAnotherOrder_MapsByNameAndLeavesTheRestUnknown()
    {
        var text = "Study Status,Phases,NCT Number,Enrollment\nRECRUITING,PHASE1|PHASE2,NCT01234567,\n";
        var study = Assert.Single(CsvExportReader.Read(new StringReader(text), "subset.csv").Studies);
        Assert.Equal(("NCT01234567", "RECRUITING", (int?)null, (string?)null), (study.NctId, study.OverallStatus, study.Enrollment, study.Title));
        Assert.Equal(["PHASE1", "PHASE2"], study.Phases);
    }

    [Fact]
    public void CsvExport_WhenQuotedFieldsHoldCommasAndNewlines_ReadsThem()
    {
        var text = "NCT Number,Study Title,Locations\nNCT01234567,\"Cells, in cirrhosis\nphase 2\",\"Hospital, Beijing, China|Clinic, Hanoi, Vietnam\"\n";
        var study = Assert.Single(CsvExportReader.Read(new StringReader(text), "q.csv").Studies);
        Assert.Equal("Cells, in cirrhosis phase 2", study.Title);
        Assert.Equal(["China", "Vietnam"], study.Countries);
    }

    [Theory]
    [InlineData("Study Title\nNo id here\n", "q.csv:1", "NCT Number")]
    [InlineData("NCT Number,Start Date\nNCT1234,2020-01\n", "q.csv:2", "NCT Number")]
    [InlineData("NCT Number,Start Date\nNCT01234567,Janvier 2020\n", "q.csv:2", "Start Date")]
    [InlineData("NCT Number,Start Date\nNCT01234567,2020-13\n", "q.csv:2", "Start Date")]
    [InlineData("NCT Number,Enrollment\nNCT01234567,many\n", "q.csv:2", "Enrollment")]
    [InlineData("NCT Number,Enrollment\nNCT01234567\n", "q.csv:2", null)]
    public void CsvExport_WhenRecordIsBad_ReportsItsPosition(string text, string origin, string? field)
    {
        var error = Assert.Single(CsvExportReader.Read(new StringReader(text), "q.csv").Errors);
        Assert.Equal((origin, field), (error.Origin, error.Field));
    }

    [Fact]
    public void ApiJson_WhenFolder_ReadsEveryStudyWithItsFields()
    {
        var result = ApiJsonReader.ReadFile(Fixtures.Json);
        Assert.Empty(result.Errors);
        Assert.Equal(7, result.Studies.Count);
        var study = result.Studies.Single(s => s.NctId == "NCT06171568");
        Assert.Equal(("NOT_YET_RECRUITING", "ESTIMATED", (int?)400, "2023-12-14"), (study.OverallStatus, study.EnrollmentType, study.Enrollment, study.DataVersion));
        Assert.Empty(study.Phases);
        Assert.Equal(["France"], study.Countries);
        Assert.Equal("2024-02-01", study.StartDate.ToString());
        Assert.Contains("OTHER: Tests and questionnaires", study.Interventions);
        Assert.StartsWith("Traumatic brain injuries (TBI)", study.Description, StringComparison.Ordinal);
        Assert.Null(result.Studies.Single(s => s.NctId == "NCT02552212").Description);
        var countries = result.Studies.Single(s => s.NctId == "NCT02552212").Countries;
        Assert.Equal(9, countries.Count);
        Assert.Equal(countries.Distinct(), countries);
    }

    [Fact]
    public void ApiJson_WhenArrayOrPage_ReadsEveryStudy()
    {
        var pages = Fixtures.Pages();
        Assert.Equal(3, ApiJsonReader.ReadJson(pages[0], "page1.json").Studies.Count);
        var array = "[" + string.Join(",", Fixtures.JsonFiles.Take(2).Select(File.ReadAllText)) + "]";
        Assert.Equal(2, ApiJsonReader.ReadJson(array, "array.json").Studies.Count);
        Assert.Empty(ApiJsonReader.ReadJson("""{"studies": []}""", "empty.json").Errors);
    }

    [Theory]
    [InlineData("{not json", "bad.json", null)]
    [InlineData("""{"studies": [{"protocolSection": {"identificationModule": {"nctId": "X1"}}}]}""", "bad.json#1", "protocolSection.identificationModule.nctId")]
    [InlineData("""{"protocolSection": {"identificationModule": {"nctId": "NCT01234567"}, "statusModule": {"startDateStruct": {"date": "2020-13"}}}}""", "bad.json#1", "protocolSection.statusModule.startDateStruct.date")]
    public void ApiJson_WhenStudyIsBad_ReportsItsPosition(string json, string origin, string? field)
    {
        var error = Assert.Single(ApiJsonReader.ReadJson(json, "bad.json").Errors);
        Assert.Equal((origin, field), (error.Origin, error.Field));
    }
}
