using MscAlf.Codes;
using MscAlf.Concepts;
using MscAlf.Data;

namespace MscAlf.Tests.Concepts;

public sealed class MscProductTests
{
    [Theory]
    [InlineData("Biological: Prochymal®", "Prochymal")]
    [InlineData("PROCHYMAL (ex vivo cultured adult human cells)", "Prochymal")]
    [InlineData("Porchymal", "Prochymal")]
    [InlineData("Temcell HS Inj.", "Temcell")]
    [InlineData("TEMCELL", "Temcell")]
    [InlineData("Neuronata-R injection", "NeuroNata-R")]
    [InlineData("NeuroNata R", "NeuroNata-R")]
    [InlineData("NeuroNataR", "NeuroNata-R")]
    [InlineData("Drug: Cx601", "Alofisel")]
    [InlineData("CX-601 120 million cells", "Alofisel")]
    [InlineData("Efficacy of darvadstrocel in perianal fistula", "Alofisel")]
    [InlineData("Alofisel", "Alofisel")]
    [InlineData("Remestemcel-L for pediatric GVHD", "Remestemcel-L")]
    [InlineData("remestemcel L", "Remestemcel-L")]
    [InlineData("Ryoncil", "Remestemcel-L")]
    [InlineData("Cellgram-AMI", "Cellgram")]
    [InlineData("Cellgram", "Cellgram")]
    [InlineData("Hearticellgram injection", "Hearticellgram")]
    [InlineData("Cartistem(TM) implantation", "Cartistem")]
    [InlineData("Cupistem", "Cupistem")]
    [InlineData("Queencell", "Queencell")]
    [InlineData("Stempeucel 200 million cells", "Stempeucel")]
    [InlineData("Stemirac", "Stemirac")]
    [InlineData("Stemilac", "Stemirac")]
    [InlineData("Ossgrow", "Ossgrow")]
    [InlineData("AstroStem", "AstroStem")]
    [InlineData("AstroStem-V", "AstroStem-V")] // a registry-defined product whose name starts with a listed one
    [InlineData("Biological: ALLO-ASC-DFU", "ALLO-ASC-DFU")]
    [InlineData("ALLO-ASC injection", "ALLO-ASC")]
    [InlineData("JointStem", "JOINTSTEM")]
    [InlineData("Drug: HC016", "HCR040")]
    [InlineData("ReJoinTM (autologous adipose-derived progenitor cells)", "ReJoinTM")] // "ReJoin™" once folded
    [InlineData("UMC119-06-05 injection", "UMC119-06-05")]
    [InlineData("UMC119-06", "UMC119-06")]
    public void Find_WhenTextNamesAProductByAnyOfItsNames_ReturnsIt(string text, string product) =>
        Assert.Equal(product, MscProduct.Find(text)?.Product.Name);

    [Theory]
    [InlineData("Allogeneic ASC sheet applied weekly")] // a short code: too ambiguous, never listed
    [InlineData("adipose-derived stem cells (ASCs)")]
    [InlineData("MPC injection")]
    [InlineData("Temcells")] // a listed name inside a longer word
    [InlineData("Prochymalx")]
    [InlineData("xAlofisel")]
    [InlineData("NeuroNata")] // a part of a name
    [InlineData("Cellgram-LC for alcoholic cirrhosis")] // another name that starts with a listed one
    [InlineData("pre-Alofisel")]
    [InlineData("Cx 6 01")]
    [InlineData("Biological: ALLO-ASC-SHEET")] // not ALLO-ASC: a name joined by a hyphen to more letters is another name
    [InlineData("allo-APZ2 cells")] // a part of a name (APZ2 alone is too short to list)
    [InlineData("patients who rejoin the waiting list")] // the product is listed only as ReJoinTM, not as the English word
    [InlineData("cells seeded on an OrthADAPT collagen membrane")] // a scaffold named next to MSCs, set aside
    [InlineData("Drug: Tacrolimus 0.1 mg/kg")]
    public void Find_WhenTextNamesNoListedProduct_ReturnsNull(string text) =>
        Assert.Null(MscProduct.Find(text));

    private static bool IsRegistry(CsvRow row) => row.Required("url").StartsWith("https://clinicaltrials.gov/", StringComparison.Ordinal);

    [Fact]
    public void All_WhenLoaded_HoldsEveryProductWithOneDocumentedTissueAndItsSource()
    {
        var products = MscProduct.All;
        // pinned (docs/classifiers.md): the review tables hold 14 MSC products; registry records define 54 more
        Assert.Equal(14 + 54, products.Count);
        Assert.Equal(7, products.Count(p => p.Tissue == MscSourceCode.Unspecified));
        var rows = CsvTable.Read(Path.Combine(TestData.RepositoryDataDirectory, "..", "lib", "MscAlf", "Assets", "msc_products.csv"),
            MscProductList.Schema("msc_products.csv")).Rows;
        // pinned (docs/classifiers.md): 29 rows from the review tables and the approval documents, 61 from registry records
        Assert.Equal((29, 61), (rows.Count(r => !IsRegistry(r)), rows.Count(IsRegistry)));
        Assert.All(products, p =>
        {
            Assert.NotEqual(MscSourceCode.NotApplicable, p.Tissue);
            Assert.NotEqual(MscSourceCode.Mixed, p.Tissue);
            if (p.Tissue == MscSourceCode.Unspecified)
            {
                Assert.StartsWith("ClinicalTrials.gov NCT", p.Source, StringComparison.Ordinal); // only a registry record may name no tissue
            }
            Assert.False(string.IsNullOrWhiteSpace(p.Source));
            Assert.All(p.Names, n => Assert.Same(p, MscProduct.Find($"Biological: {n} infusion")?.Product));
        });
    }

    [Theory]
    [InlineData("Prochymal", MscSourceCode.BoneMarrow)]
    [InlineData("Cartistem", MscSourceCode.CordBlood)]
    [InlineData("Alofisel", MscSourceCode.Adipose)]
    [InlineData("Queencell", MscSourceCode.Adipose)]
    [InlineData("ALLO-ASC-DFU", MscSourceCode.Adipose)]
    [InlineData("PLX-PAD", MscSourceCode.Placenta)]
    [InlineData("allo-APZ2-PAOD", MscSourceCode.Skin)]
    [InlineData("NurOwn", MscSourceCode.Unspecified)]
    [InlineData("Lomecel-B", MscSourceCode.BoneMarrow)] // a row naming the tissue wins over the defining row that names none
    [InlineData("CYP-001", MscSourceCode.IpscDerived)]
    public void All_WhenAProductIsListed_KeepsTheTissueItsSourcesDocument(string name, MscSourceCode tissue) =>
        Assert.Equal(tissue, MscProduct.All.Single(p => p.Name == name).Tissue);

    [Fact]
    public void Classify_WhenATitleNamesAProduct_ReturnsItWithEvidence()
    {
        var found = MscProduct.Classify(new StudyText { Title = "Safety of Stempeucel in critical limb ischaemia" });
        Assert.Equal("Stempeucel", found.Value?.Name);
        Assert.Contains("Stempeucel in critical limb", found.Evidence, StringComparison.Ordinal);
        Assert.Contains("documented tissue Bone marrow", found.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_WhenARegistryDefinedProductNamesNoTissue_SaysSoAndCitesTheRecord()
    {
        var found = MscProduct.Classify(new StudyText { Interventions = ["Biological: NurOwn"] });
        Assert.Equal("NurOwn", found.Value?.Name);
        Assert.Contains("documented as MSCs, tissue not named, ClinicalTrials.gov NCT04681118", found.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_WhenNoProductIsNamed_FallsThroughToNull()
    {
        var found = MscProduct.Classify(new StudyText { Title = "Tacrolimus after liver transplantation" });
        Assert.Equal((null, null), (found.Value, found.Evidence));
    }
}
