using MscAlf.Concepts;

namespace MscAlf.Tests.Concepts;

public sealed class ConditionCategoryTests
{
    private static ConditionClass Of(string[] conditions, string? title = null, string? summary = null) =>
        ConditionCategory.Classify(new StudyText { Conditions = conditions, Title = title, Summary = summary }).Value;

    [Theory]
    [InlineData("Acute Liver Failure", Condition.AcuteLiverFailure)]
    [InlineData("Fulminant Hepatic Failure", Condition.AcuteLiverFailure)]
    [InlineData("Liver Failure, Acute", Condition.AcuteLiverFailure)]
    [InlineData("Acute-On-Chronic Liver Failure", Condition.AcuteOnChronicLiverFailure)]
    [InlineData("Liver Failure, Acute on Chronic", Condition.AcuteOnChronicLiverFailure)]
    [InlineData("ACLF", Condition.AcuteOnChronicLiverFailure)]
    [InlineData("Liver Failure", Condition.LiverFailureUnspecified)]
    [InlineData("End Stage Liver Disease", Condition.LiverFailureUnspecified)]
    [InlineData("Liver Cirrhosis", Condition.Cirrhosis)]
    [InlineData("Cirrhosis, Liver", Condition.Cirrhosis)]
    [InlineData("Liver Fibrosis", Condition.Fibrosis)]
    [InlineData("Liver Transplant Rejection", Condition.LiverTransplantation)]
    [InlineData("Primary Sclerosing Cholangitis", Condition.OtherLiver)]
    [InlineData("Autoimmune Hepatitis", Condition.OtherLiver)]
    [InlineData("Wilson's Disease", Condition.OtherLiver)]
    [InlineData("Renal Cirrhosis", Condition.NotLiver)]
    [InlineData("Idiopathic Pulmonary Fibrosis", Condition.NotLiver)]
    [InlineData("Knee Osteoarthritis", Condition.NotLiver)]
    [InlineData("Type 1 Diabetes", Condition.NotLiver)]
    public void Classify_WhenOneCondition_ReturnsCategory(string condition, Condition expected) =>
        Assert.Equal(expected, Of([condition]).Category);

    [Theory]
    [InlineData("Primary Biliary Cirrhosis", CirrhosisSubtype.Biliary)]
    [InlineData("Alcoholic Liver Cirrhosis", CirrhosisSubtype.Alcoholic)]
    [InlineData("Cirrhosis Due to Hepatitis B", CirrhosisSubtype.Hbv)]
    [InlineData("HCV-related Liver Cirrhosis", CirrhosisSubtype.Hcv)]
    [InlineData("Decompensated Liver Cirrhosis", CirrhosisSubtype.Decompensated)]
    [InlineData("Liver Cirrhosis", CirrhosisSubtype.Unspecified)]
    public void Classify_WhenCirrhosis_ReturnsSubtype(string condition, CirrhosisSubtype expected)
    {
        var result = Of([condition]);
        Assert.Equal((Condition.Cirrhosis, (CirrhosisSubtype?)expected), (result.Category, result.Subtype));
    }

    [Fact]
    public void Classify_WhenSeveralConditions_TakesTheFirstInPrecedence() =>
        Assert.Equal(Condition.AcuteLiverFailure, Of(["Liver Cirrhosis", "Acute-On-Chronic Liver Failure", "Acute Liver Failure"]).Category);

    [Fact]
    public void Classify_WhenConditionFieldIsUninformative_ReadsTheTitle() =>
        Assert.Equal(Condition.Cirrhosis, Of(["Other Surgical Procedures"], "Safety and Efficacy of Stem Cell Transplantation for Treatment of Liver Cirrhosis").Category);

    [Fact]
    public void Classify_WhenOnlyTheSummaryIsInformative_ReadsIt() =>
        Assert.Equal(Condition.AcuteOnChronicLiverFailure, Of(["Stem Cells"], "A cell therapy study", "Patients with acute-on-chronic liver failure receive MSCs.").Category);

    [Theory]
    [InlineData("Safety is followed with blood counts, liver enzymes and renal tests.", Condition.NotLiver)]
    [InlineData("The drug is metabolized in the liver.", Condition.NotLiver)]
    [InlineData("Chronic GVHD with skin and/or liver damage after HSCT.", Condition.NotLiver)]
    [InlineData("Patients with chronic hepatitis B receive MSCs.", Condition.OtherLiver)]
    [InlineData("CAR-T cells for GPC3-positive hepatocellular carcinoma.", Condition.OtherLiver)]
    [InlineData("MSCs for drug-induced liver injury.", Condition.OtherLiver)]
    [InlineData("Patients with decompensated cirrhosis receive MSCs.", Condition.Cirrhosis)]
    public void Classify_WhenOnlyTheSummaryNamesTheLiver_NeedsANamedLiverDisease(string summary, Condition expected) =>
        Assert.Equal(expected, Of(["Stem Cells"], "A cell therapy study", summary).Category);

    [Theory]
    [InlineData("Volunteers will be tested for HIV, hepatitis B and C and syphilis before enrolment.", Condition.NotLiver)]
    [InlineData("Participants infected with HIV, Hepatitis B or Hepatitis C are excluded.", Condition.NotLiver)]
    [InlineData("Patients with chronic hepatitis B will receive the vaccine.", Condition.OtherLiver)]
    [InlineData("HIV-infected patients with chronic hepatitis B will receive tenofovir.", Condition.OtherLiver)]
    [InlineData("Patients co-infected with hepatitis C and HIV will receive sofosbuvir.", Condition.OtherLiver)]
    [InlineData("Blood is screened (such as hepatitis B and C, syphilis, HIV) before donation.", Condition.NotLiver)]
    [InlineData("Screening includes a blood count, HIV test, hepatitis B/C test and liver function.", Condition.NotLiver)]
    [InlineData("Donors must be negative for human immunodeficiency virus (HIV), hepatitis B or C.", Condition.NotLiver)]
    public void Classify_WhenTheSummaryListsHepatitisWithHivOrSyphilis_ReadsItAsScreening(string summary, Condition expected) =>
        Assert.Equal(expected, Of(["Malaria"], "A malaria vaccine study", summary).Category);

    [Theory]
    [InlineData("Gallbladder Carcinoma", Condition.OtherLiver)]
    [InlineData("Gall Bladder Cancer", Condition.OtherLiver)]
    [InlineData("Gallstones", Condition.OtherLiver)]
    [InlineData("Acute Cholecystitis", Condition.OtherLiver)]
    [InlineData("Postoperative Pain After Gall Bladder Removal", Condition.NotLiver)]
    public void Classify_WhenAGallbladderDiseaseIsNamed_IsOtherLiver(string condition, Condition expected) =>
        Assert.Equal(expected, Of([condition]).Category);

    [Fact]
    public void Classify_WhenNothingLiverRelated_FallsThroughToNotLiverWithoutEvidence()
    {
        var result = ConditionCategory.Classify(new StudyText { Conditions = ["Osteoarthritis, Knee"], Title = "MSCs for knee pain" });
        Assert.Equal(Condition.NotLiver, result.Value.Category);
        Assert.Null(result.Evidence);
    }

    [Fact]
    public void Classify_WhenRepositoryPopulation_GivesKnownCounts()
    {
        var counts = TestData.Dataset.November2021Trials.GroupBy(t => TrialConcepts.Condition(t).Category)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, counts[Condition.AcuteLiverFailure]);
        Assert.Equal(6, counts[Condition.AcuteOnChronicLiverFailure]);
        Assert.Equal(10, counts[Condition.LiverFailureUnspecified]);
        Assert.Equal(43, counts[Condition.Cirrhosis]);
        Assert.Equal(4, counts[Condition.LiverTransplantation]);
        Assert.Equal(5, counts[Condition.OtherLiver]);
        Assert.False(counts.ContainsKey(Condition.NotLiver));
    }
}
