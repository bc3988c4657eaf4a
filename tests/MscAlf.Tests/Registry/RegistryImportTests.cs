using MscAlf.Codes;
using MscAlf.Concepts;
using MscAlf.Data;
using MscAlf.Registry;

namespace MscAlf.Tests.Registry;

public sealed class RegistryImportTests
{
    private static RegistryStudy Liver(string? status = "RECRUITING", string firstPosted = "2023-03-01") => new()
    {
        NctId = "NCT09999999", Origin = "test#1",
        Title = "Umbilical Cord MSCs for Decompensated Cirrhosis",
        Conditions = ["Decompensated Cirrhosis"],
        Interventions = ["BIOLOGICAL: hUC-MSC", "Allogeneic human umbilical cord mesenchymal stem cells, 1e6/kg"],
        Phases = ["PHASE1", "PHASE2"], OverallStatus = status, StudyType = "INTERVENTIONAL", Enrollment = 60, EnrollmentType = "ESTIMATED",
        Countries = ["China"], FirstPosted = PartialDate.Parse(firstPosted), DataVersion = "2026-11-01",
    };

    [Fact]
    public void Import_WhenFixturesAreNotLiverStudies_JudgesEveryOneNotLiverAndFindsTheOneMscStudy()
    {
        var studies = ApiJsonReader.ReadFile(Fixtures.Json).Studies.Concat(CsvExportReader.ReadFile(Fixtures.Csv).Studies);
        var imported = studies.Select(s => RegistryImport.Import(s).Trial!).ToList();
        Assert.Equal(32, imported.Count);
        Assert.All(imported, t =>
        {
            Assert.Equal(Condition.NotLiver, t.Condition.Category);
            Assert.Equal(Scope.OutOfScope, t.Trial.Scope);
        });
        // NCT06550752 (erectile dysfunction) gives "UC-MSCs and PRP": the only MSC study among the 32.
        var msc = Assert.Single(imported, t => t.Trial.MscSource != MscSourceCode.NotApplicable);
        Assert.Equal(("NCT06550752", MscSourceCode.UmbilicalCord), (msc.Trial.NctId, msc.Trial.MscSource));
    }

    [Fact]
    public void Import_WhenLiverMscStudy_AppliesEveryConceptAndMarksThemAutomatic()
    {
        var (imported, errors) = RegistryImport.Import(Liver());
        Assert.Empty(errors);
        var trial = imported!.Trial;
        Assert.Equal(["Phase 1", "Phase 2"], trial.Phases);
        Assert.Equal(("Recruiting", "Interventional", (EnrollmentType?)EnrollmentType.Estimated), (trial.OverallStatus, trial.StudyType, trial.EnrollmentType));
        Assert.Equal(MscSourceCode.UmbilicalCord, trial.MscSource);
        Assert.Equal(Administration.Allogeneic, trial.Administration);
        Assert.Equal(Scope.RegisteredAfterCutoff, trial.Scope);
        Assert.StartsWith("automatic:", trial.ScopeNote, StringComparison.Ordinal);
        Assert.StartsWith("automatic:", trial.CurationNotes, StringComparison.Ordinal);
        Assert.Equal((Phase.Phase1To2, Status.Recruiting, Band.From51To100), (imported.Phase, imported.Status, imported.Band));
        Assert.Equal(new ConditionClass(Condition.Cirrhosis, CirrhosisSubtype.Decompensated), imported.Condition);
        Assert.Equal(["CHN"], imported.CountryCodes);
        Assert.Equal(["2026-11-01"], trial.Snapshot);
    }

    [Fact]
    public void Import_WhenFirstPostedBeforeCutoff_IsInScope() =>
        Assert.Equal(Scope.InScope, RegistryImport.Import(Liver(firstPosted: "2019-05-01")).Trial!.Trial.Scope);

    [Fact]
    public void Import_WhenStatusIsOutsideTheRegistrySet_ReportsInsteadOfBlanking()
    {
        var (trial, errors) = RegistryImport.Import(Liver(status: "PAUSED"));
        Assert.Null(trial);
        var error = Assert.Single(errors);
        Assert.Equal(("test#1", "status", "PAUSED"), (error.Origin, error.Field, error.Value));
    }

    public static TheoryData<string, string> ApiSpellings => new()
    {
        { "NOT_YET_RECRUITING", "Not yet recruiting" }, { "ACTIVE_NOT_RECRUITING", "Active, not recruiting" },
        { "UNKNOWN", "Unknown status" }, { "NO_LONGER_AVAILABLE", "No longer available" }, { "WITHHELD", "Withheld" },
    };

    [Theory]
    [MemberData(nameof(ApiSpellings))]
    public void Import_WhenStatusIsAnApiCode_WritesTheDisplayTextOfRegistryValues(string code, string text) =>
        Assert.Equal(text, RegistryImport.Import(Liver(status: code)).Trial!.Trial.OverallStatus);

    [Fact]
    public void Import_WhenEveryDisplayText_KeepsItUnchanged()
    {
        foreach (var status in RegistryValues.Statuses)
        {
            Assert.Equal(status, RegistryImport.Import(Liver(status: status)).Trial!.Trial.OverallStatus);
        }
        foreach (var phase in RegistryValues.Phases)
        {
            Assert.Equal([phase], RegistryImport.Import(Liver() with { Phases = [phase] }).Trial!.Trial.Phases);
        }
        foreach (var type in RegistryValues.StudyTypes)
        {
            Assert.Equal(type, RegistryImport.Import(Liver() with { StudyType = type.ToUpperInvariant().Replace(' ', '_') }).Trial!.Trial.StudyType);
        }
    }

    private static Trial Record(string id, string? lastUpdate, string title) => new()
    {
        NctId = id, Title = title, MscSource = MscSourceCode.BoneMarrow, Scope = Scope.InScope, Sources = ["s"],
        LastUpdatePosted = lastUpdate is null ? null : PartialDate.Parse(lastUpdate),
    };

    [Fact]
    public void LatestPerTrial_WhenAnIdRepeats_KeepsTheNewestLastUpdateThenTheLastRead()
    {
        Trial[] trials =
        [
            Record("NCT00000001", "2023-05-01", "newest"), Record("NCT00000002", null, "a"), Record("NCT00000001", "2022-01-01", "older"),
            Record("NCT00000002", null, "b"), Record("NCT00000003", "2024-01", "c"), Record("NCT00000003", "2024-01", "d"),
            Record("NCT00000004", null, "no date"), Record("NCT00000004", "2020-01-01", "dated"),
        ];
        Assert.Equal([("NCT00000001", "newest"), ("NCT00000002", "b"), ("NCT00000003", "d"), ("NCT00000004", "dated")],
            RegistryImport.LatestPerTrial(trials).Select(t => (t.NctId, t.Title)));
    }

    [Theory]
    [InlineData("Liver\u001bfailure")]
    [InlineData("Liver \uFFFD failure")]
    [InlineData("Liver\u200Bfailure")]
    public void Write_WhenACellCannotBeReadBack_ThrowsNamingTheColumnAndLeavesTheFileAsItWas(string title)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mscalf-write-{Guid.NewGuid():N}.csv");
        var imported = RegistryImport.Import(Liver()).Trial!;
        var bad = imported with { Trial = imported.Trial with { Title = title } };
        try
        {
            var error = Assert.Throws<ArgumentException>(() => ImportedTrialsCsv.Write(path, [imported, bad]));
            Assert.Contains("NCT09999999: field 'title'", error.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(path));
            File.WriteAllText(path, "earlier output\n");
            Assert.Throws<ArgumentException>(() => ImportedTrialsCsv.Write(path, [imported, bad]));
            Assert.Equal("earlier output\n", File.ReadAllText(path));
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), $".{Path.GetFileName(path)}.*.tmp")); // AtomicOutput's temporary
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_WhenRead_RoundTripsUnderTheImportSchema()
    {
        var path = Path.GetTempFileName();
        try
        {
            ImportedTrialsCsv.Write(path, [RegistryImport.Import(Liver()).Trial!]);
            var trial = Assert.Single(TrialFiles.Read(path));
            Assert.Equal(("NCT09999999", MscSourceCode.UmbilicalCord, 60), (trial.NctId, trial.MscSource, trial.Enrollment!.Value));
            Assert.Contains("curation", File.ReadLines(path).First(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
