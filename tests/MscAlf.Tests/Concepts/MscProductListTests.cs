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
    [InlineData("Prochymal,Prochymal-BX9,adipose,fat,NCT09999999 intervention,URL\n", ":2: column 'tissue': value 'adipose':", "the tissue of Prochymal's row at Assets/msc_products.csv:")]
    [InlineData("MyCells,Cartistem,adipose,fat,NCT09999999 intervention,URL\n", ":2: column 'names': value 'Cartistem':", "also a name of Cartistem")]
    [InlineData("MyCells,AB-1,adipose,fat,NCT09999999 intervention,URL\n", ":2: column 'names': value 'AB-1':", "at least 5 letters or digits")]
    [InlineData("MyCells,MyCells-1,mixed,fat,NCT09999999 intervention,URL\n", ":2: column 'tissue': value 'mixed':", "one tissue")]
    [InlineData("MyCells,MyCells-1,,,NCT09999999 intervention,URL\n", ":2: column 'tissue':", "a documented tissue")]
    [InlineData("MyCells,MyCells-1,marrow,fat,NCT09999999 intervention,URL\n", ":2: column 'tissue': value 'marrow':", "one of: bone_marrow")]
    [InlineData("MyCells,MyCells-1,adipose,fat,NCT09999999 intervention,ftp://x\n", ":2: column 'url': value 'ftp://x':", "https?")]
    [InlineData("MyCells,-|MyCells-1,adipose,fat,NCT09999999 intervention,URL\n", ":2: column 'names': value '-':", "at least 5 letters or digits")]
    [InlineData("MyCells,MyCells-1,adipose,fat,NCT09999999 arm,URL\nMyCells,MyCells-1,unspecified,,NCT09999999 title,URL\nMyCells,MyCells-1,bone_marrow,,NCT09999998 arm,URL\n",
        ":4: column 'tissue': value 'bone_marrow':", "the tissue of MyCells's row at")]
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
    public void WithFile_WhenThreeRowsNameTwoOtherTissues_NamesEachOfThem()
    {
        var path = List($"MyCells,MyCells-1,adipose,,A,{Url}\nMyCells,MyCells-1,bone_marrow,,B,{Url}\nMyCells,MyCells-1,placenta,,C,{Url}\n");

        var error = Assert.Throws<DataValidationException>(() => MscProductList.Builtin.WithFile(path));

        Assert.Equal([3, 4], error.Errors.Select(e => e.Line));
    }

    [Fact]
    public void WithFile_WhenAProductIsWrittenInOtherCapitals_JoinsTheListedProduct()
    {
        var list = MscProductList.Builtin.WithFile(List($"PROCHYMAL,Prochymal-BX9,bone_marrow,,NCT09999999 intervention,{Url}\n"));

        Assert.Equal("Prochymal", list.Named("Prochymal-BX9")?.Name);
        Assert.Equal(MscProductList.Builtin.Products.Count, list.Products.Count);
    }

    [Fact]
    public void WithFile_WhenTwoFilesGiveTheSameProductAndSource_NamesTheSecondRowAndTheFirst()
    {
        var first = List($"MyCells,MyCells-1,adipose,,NCT09999999 arm,{Url}\n");
        var second = Path.Combine(_dir, "again.csv");
        File.Copy(first, second);

        var error = Assert.Throws<DataValidationException>(() => MscProductList.Builtin.WithFile(first).WithFile(second));

        Assert.StartsWith($"{second}:2: column 'source':", error.Errors[0].ToString(), StringComparison.Ordinal);
        Assert.Contains($"at {first}:2", error.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--")]
    [InlineData("®")]
    public void Named_WhenTheNameHasNoLetterOrDigit_ReturnsNull(string name)
    {
        Assert.Null(MscProductList.Builtin.Named(name));
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
