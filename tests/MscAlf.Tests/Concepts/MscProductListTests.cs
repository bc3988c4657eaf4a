using MscAlf.Codes;
using MscAlf.Concepts;
using MscAlf.Data;

namespace MscAlf.Tests.Concepts;

public sealed class MscProductListTests : IDisposable
{
    private const string Header = "product,names,tissue,tissue_as_written,source,url\n";
    private const string Url = "https://clinicaltrials.gov/study/NCT09999999";
    private readonly string _dir = Directory.CreateTempSubdirectory("mscalf-products-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string List(string rows)
    {
        var path = Path.Combine(_dir, "mine.csv");
        File.WriteAllText(path, Header + rows);
        return path;
    }

    [Fact]
    public void WithFile_WhenRowsAreValid_FindsTheUserProductAndLeavesTheBuiltinListAsItWas()
    {
        var list = MscProductList.Builtin.WithFile(List($"StemXcel-7,StemXcel-7|SX7-cells,umbilical_cord,umbilical cord MSCs,NCT09999999 brief summary,{Url}\n"));

        Assert.Equal("StemXcel-7", list.Find("Biological: STEMXCEL 7 infusion")?.Product.Name);
        Assert.Equal("StemXcel-7", list.Named("sx7 cells")?.Name);
        Assert.Equal(MscSourceCode.UmbilicalCord, list.Named("StemXcel-7")?.Tissue);
        Assert.Equal(MscProductList.Builtin.Products.Count + 1, list.Products.Count);
        Assert.Null(MscProductList.Builtin.Find("Biological: StemXcel-7"));
        Assert.Equal("Cartistem", list.Find("Cartistem injection")?.Product.Name);
    }

    [Fact]
    public void WithFile_WhenARowNamesAListedProduct_AddsItsNamesToThatProduct()
    {
        var list = MscProductList.Builtin.WithFile(List($"Prochymal,Prochymal-BX9,bone_marrow,bone marrow,NCT09999999 intervention,{Url}\n"));

        var product = list.Find("Drug: Prochymal-BX9")?.Product;
        Assert.Equal("Prochymal", product?.Name);
        Assert.Contains("Prochymal", product!.Names);
        Assert.Equal(MscProductList.Builtin.Products.Count, list.Products.Count);
    }

    [Theory]
    [InlineData("Prochymal,Prochymal-BX9,adipose,fat,NCT09999999 intervention,URL\n", ":2: column 'tissue': value 'adipose':", "the tissue of Prochymal's other rows, bone_marrow")]
    [InlineData("MyCells,Cartistem,adipose,fat,NCT09999999 intervention,URL\n", ":2: column 'names': value 'Cartistem':", "also a name of Cartistem")]
    [InlineData("MyCells,AB-1,adipose,fat,NCT09999999 intervention,URL\n", ":2: column 'names': value 'AB-1':", "at least 5 letters or digits")]
    [InlineData("MyCells,MyCells-1,mixed,fat,NCT09999999 intervention,URL\n", ":2: column 'tissue': value 'mixed':", "one tissue")]
    [InlineData("MyCells,MyCells-1,,,NCT09999999 intervention,URL\n", ":2: column 'tissue':", "a documented tissue")]
    [InlineData("MyCells,MyCells-1,marrow,fat,NCT09999999 intervention,URL\n", ":2: column 'tissue': value 'marrow':", "")]
    [InlineData("MyCells,MyCells-1,adipose,fat,NCT09999999 intervention,ftp://x\n", ":2: column 'url': value 'ftp://x':", "")]
    [InlineData("", ":1:", "at least one product row")]
    public void WithFile_WhenARuleIsBroken_NamesTheFileLineColumnAndValue(string rows, string located, string expected)
    {
        var path = List(rows.Replace("URL", Url, StringComparison.Ordinal));

        var error = Assert.Throws<DataValidationException>(() => MscProductList.Builtin.WithFile(path));

        var first = error.Errors[0].ToString();
        Assert.StartsWith(path + located, first, StringComparison.Ordinal);
        Assert.Contains(expected, first, StringComparison.Ordinal);
    }

    [Fact]
    public void WithFile_WhenTheFileIsMissing_NamesIt()
    {
        var path = Path.Combine(_dir, "none.csv");

        var error = Assert.Throws<DataValidationException>(() => MscProductList.Builtin.WithFile(path));

        Assert.StartsWith(path + ":0:", error.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_WhenAUserListNamesTheBrand_CountsTheRecordAsGivingMsc()
    {
        var list = MscProductList.Builtin.WithFile(List($"StemXcel-7,StemXcel-7,umbilical_cord,umbilical cord MSCs,NCT09999999 brief summary,{Url}\n"));
        var text = new StudyText { Title = "StemXcel-7 in knee osteoarthritis", Interventions = ["Biological: StemXcel-7"] };

        var withList = MscSource.Classify(text, list);

        Assert.Equal(MscSourceCode.NotApplicable, MscSource.Classify(text).Value);
        Assert.Equal(MscSourceCode.Unspecified, withList.Value); // the list's tissue is never taken as the record's
        Assert.Contains("NCT09999999 brief summary", withList.Evidence, StringComparison.Ordinal);
    }
}
