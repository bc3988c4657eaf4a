using MscAlf.Codes;
using MscAlf.Concepts;
using MscAlf.Jobs;
using MscAlf.Registry;

namespace MscAlf.Tests.Jobs;

/// <summary>The products job and import --products end to end: a definition found in one record names the product of another.</summary>
public sealed class ProductsJobTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mscalf-products-job-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Study(string nct, string title, string summary, string intervention) => $$"""
        {"protocolSection": {"identificationModule": {"nctId": "{{nct}}", "briefTitle": "{{title}}" },
         "statusModule": {"overallStatus": "COMPLETED" },
         "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE1"] },
         "descriptionModule": {"briefSummary": "{{summary}}" },
         "armsInterventionsModule": {"interventions": [{"type": "BIOLOGICAL", "name": "{{intervention}}"} ] } } }
        """;

    private string Input()
    {
        var path = Path.Combine(_dir, "studies.json");
        File.WriteAllText(path, "[" + string.Join(",",
            Study("NCT09000001", "StemXcel-7 in Knee Osteoarthritis",
                "StemXcel-7 is a preparation of allogeneic umbilical cord mesenchymal stem cells. It is injected once.", "StemXcel-7"),
            Study("NCT09000002", "Long-term Safety of StemXcel-7", "Participants given StemXcel-7 are followed.", "StemXcel-7"),
            Study("NCT09000003", "Cartistem for Cartilage Defects", "Cartistem® (umbilical cord blood-derived mesenchymal stem cells) is applied.", "Cartistem")) + "]");
        return path;
    }

    [Fact]
    public void Run_WhenARecordDefinesABrand_WritesItAsAProductListRowCitingThatRecord()
    {
        var output = Path.Combine(_dir, "candidates.csv");

        var result = ProductsJob.Run(new ProductsJobOptions { Input = Input(), Output = output }, TextWriter.Null);

        Assert.Equal((3L, 0L, 1, 1, 1), (result.Read, result.Skipped, result.Definitions, result.Names, result.KnownLeftOut));
        var product = Assert.Single(MscProductList.Builtin.WithFile(output).Products, p => p.Name == "StemXcel-7");
        Assert.Equal(MscSourceCode.UmbilicalCord, product.Tissue);
        Assert.StartsWith("NCT09000001 brief summary (copula): \"StemXcel-7 is a preparation", product.Source, StringComparison.Ordinal);
        Assert.Contains("https://clinicaltrials.gov/study/NCT09000001", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenAListNamesTheBrandAlready_LeavesItOut()
    {
        var (output, list) = (Path.Combine(_dir, "candidates.csv"), Path.Combine(_dir, "mine.csv"));
        File.WriteAllText(list, "product,names,tissue,tissue_as_written,source,url\nStemXcel-7,STEMXCEL 7,unspecified,,NCT09000001,https://clinicaltrials.gov/study/NCT09000001\n");

        var result = ProductsJob.Run(new ProductsJobOptions { Input = Input(), Output = output, ProductLists = [list] }, TextWriter.Null);

        Assert.Equal((0, 2), (result.Definitions, result.KnownLeftOut));
        Assert.Single(File.ReadAllLines(output)); // the header alone
    }

    [Fact]
    public void Run_WhenTheSentenceHoldsInvisibleCharacters_WritesAListThatLoads()
    {
        var input = Path.Combine(_dir, "odd.json");
        File.WriteAllText(input, "[" + Study("NCT09000004", "t",
            "StemXcel-7 is a preparation of \\u200Bumbilical cord mesenchymal stem cells\\u0007 \\u202Egiven once.", "x") + "]");
        var output = Path.Combine(_dir, "candidates.csv");

        ProductsJob.Run(new ProductsJobOptions { Input = input, Output = output }, TextWriter.Null);

        var product = Assert.Single(MscProductList.Builtin.WithFile(output).Products, p => p.Name == "StemXcel-7");
        Assert.Contains("of umbilical cord mesenchymal stem cells", product.Source, StringComparison.Ordinal);
        Assert.DoesNotContain('\u200B', product.Source);
    }

    /// <summary>The reviewed list's rows that come from the full-record fixtures are written again, byte for byte, from them.</summary>
    [Fact]
    public void Run_WhenReadingTheFullRecordFixtures_WritesTheReviewedListsRowsAgain()
    {
        var registry = Path.Combine(AppContext.BaseDirectory, "Fixtures", "registry");
        var input = Directory.CreateDirectory(Path.Combine(_dir, "full-records")).FullName;
        foreach (var set in Directory.GetDirectories(registry, "evaluation-full-records*"))
        {
            File.Copy(Path.Combine(set, "registry_studies.json"), Path.Combine(input, Path.GetFileName(set) + ".json"));
        }
        var output = Path.Combine(_dir, "candidates.csv");

        ProductsJob.Run(new ProductsJobOptions { Input = input, Output = output }, TextWriter.Null);

        var written = File.ReadAllLines(output).ToHashSet(StringComparer.Ordinal);
        var reviewed = File.ReadAllLines(Path.Combine(registry, "reviewed-products", "products.csv")).Skip(1).ToList();
        Assert.Equal(["FAB117-HC", "FAB117-HC", "ORBCEL-C"], reviewed.Where(r => !written.Contains(r)).Select(r => r.Split(',')[0]));
    }

    [Fact]
    public void Import_WhenGivenTheReviewedList_FindsTheTrialThatNamesOnlyTheBrand()
    {
        var input = Input();
        var candidates = Path.Combine(_dir, "candidates.csv");
        ProductsJob.Run(new ProductsJobOptions { Input = input, Output = candidates }, TextWriter.Null);
        var (without, with) = (Path.Combine(_dir, "without.csv"), Path.Combine(_dir, "with.csv"));

        ImportJob.Run(new ImportJobOptions { Input = input, Output = without }, TextWriter.Null, TextWriter.Null);
        ImportJob.Run(new ImportJobOptions { Input = input, Output = with, ProductLists = [candidates] }, TextWriter.Null, TextWriter.Null);

        var sources = (string file) => TrialFiles.Read(file).ToDictionary(t => t.NctId, t => t.MscSource);
        Assert.Equal(MscSourceCode.NotApplicable, sources(without)["NCT09000002"]);
        Assert.Equal(MscSourceCode.Unspecified, sources(with)["NCT09000002"]);
        Assert.Equal(MscSourceCode.UmbilicalCord, sources(with)["NCT09000001"]);
    }

    [Fact]
    public void Import_WhenTheProductListIsInvalid_FailsWithOneLocatedLineAndWritesNothing()
    {
        var list = Path.Combine(_dir, "mine.csv");
        File.WriteAllText(list, "product,names,tissue,tissue_as_written,source,url\nMyCells,Cartistem,adipose,,NCT09000001,https://x.org\nOther,AB,adipose,,NCT09000001,https://x.org\n");
        var output = Path.Combine(_dir, "trials.csv");

        var error = Assert.Throws<JobFailedException>(() =>
            ImportJob.Run(new ImportJobOptions { Input = Input(), Output = output, ProductLists = [list] }, TextWriter.Null, TextWriter.Null));

        Assert.Single(error.Message.Split('\n'));
        Assert.StartsWith($"{list}:2: column 'names': value 'Cartistem':", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("and 1 more error(s) in the product list; nothing was changed", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Run_WhenTheOutputIsAnInputOrNotCsv_RefusesAndLeavesItAsItWas()
    {
        var input = Input();
        var before = File.ReadAllBytes(input);

        Assert.Throws<JobFailedException>(() => ProductsJob.Run(new ProductsJobOptions { Input = input, Output = input }, TextWriter.Null));
        var notCsv = Assert.Throws<JobFailedException>(() =>
            ProductsJob.Run(new ProductsJobOptions { Input = input, Output = Path.Combine(_dir, "x.duckdb") }, TextWriter.Null));

        Assert.Equal(before, File.ReadAllBytes(input));
        Assert.Contains("give a .csv file", notCsv.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenARecordCannotBeRead_FailsUnlessAskedToSkipIt()
    {
        var input = Path.Combine(_dir, "bad.json");
        File.WriteAllText(input, """[{"protocolSection": {"identificationModule": {"nctId": "NCT09000009", "briefTitle": 7}}}]""");
        var output = Path.Combine(_dir, "candidates.csv");

        var error = Assert.Throws<JobFailedException>(() => ProductsJob.Run(new ProductsJobOptions { Input = input, Output = output }, TextWriter.Null));
        var skipped = ProductsJob.Run(new ProductsJobOptions { Input = input, Output = output, SkipInvalid = true }, TextWriter.Null);

        Assert.Contains("briefTitle", error.Message, StringComparison.Ordinal);
        Assert.Equal((1L, 1L, 0), (skipped.Read, skipped.Skipped, skipped.Definitions));
    }
}
