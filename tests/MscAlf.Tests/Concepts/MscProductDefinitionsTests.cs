using MscAlf.Concepts;

namespace MscAlf.Tests.Concepts;

public sealed class MscProductDefinitionsTests
{
    [Theory]
    [InlineData("CELYVIR (autologous mesenchymal stem cells infected with an oncolytic adenovirus) is given weekly.", "CELYVIR", "name-then-definition")]
    [InlineData("Patients receive adipose derived mesenchymal stem cells (ALLO-ASC-DFU) on the wound.", "ALLO-ASC-DFU", "definition-then-name")]
    [InlineData("NurOwn, a preparation of mesenchymal stromal cells secreting neurotrophic factors, is injected.", "NurOwn", "apposition")]
    [InlineData("JointStem consists of autologous adipose tissue-derived MSCs.", "JointStem", "copula")]
    [InlineData("Biological: YB-1113: umbilical cord mesenchymal stem cells", "YB-1113", "label")]
    [InlineData("Cartistem® (umbilical cord blood-derived mesenchymal stem cells) is applied.", "Cartistem", "name-then-definition")]
    [InlineData("FURESTEM-CD Inj. (human umbilical cord blood-derived mesenchymal stem cells) is given.", "FURESTEM-CD", "name-then-definition")]
    public void In_WhenASentenceDefinesABrandAsMsc_FindsTheNameAndPattern(string text, string name, string pattern)
    {
        var found = MscProductDefinitions.In(text);

        Assert.Contains(found, d => d.Name == name && d.Pattern == pattern);
    }

    [Theory]
    [InlineData("Umbilical cord mesenchymal stem cells (UC-MSCs) are infused.")] // the name is an MSC term itself
    [InlineData("Knee pain (assessed by the WOMAC score) after mesenchymal stem cells.")] // no brand-like name before the bracket
    [InlineData("Tacrolimus (a calcineurin inhibitor) is given after transplant.")] // no MSC term
    [InlineData("Previous trials (mesenchymal stem cells) were small.")] // an English word, not brand-like
    [InlineData("hUC-MSC-01 (umbilical cord mesenchymal stem cells) are injected.")] // a name holding an MSC term
    [InlineData("BIOLOGICAL: Umbilical cord mesenchymal stem cells")] // an intervention type
    [InlineData("OUTLINE: Patients receive mesenchymal stem cells IV.")] // a section heading
    [InlineData(null)]
    public void In_WhenNoBrandIsDefinedAsMsc_FindsNothing(string? text)
    {
        Assert.Empty(MscProductDefinitions.In(text));
    }

    [Theory]
    [InlineData("CELYVIR", false, true)]
    [InlineData("JointStem", false, true)]
    [InlineData("Cartistem", false, false)]
    [InlineData("Cartistem", true, true)]
    [InlineData("YB-1113", false, true)]
    [InlineData("AB-12", false, false)]
    [InlineData("hUC-MSC", false, false)]
    public void BrandLike_WhenNameIsGiven_ReturnsWhetherItLooksLikeABrand(string name, bool marked, bool expected)
    {
        Assert.Equal(expected, MscProductDefinitions.BrandLike(name, marked));
    }

    [Fact]
    public void In_WhenTheSentenceIsLong_CutsItTo400CharactersAndCollapsesItsSpace()
    {
        var text = "CELYVIR  (autologous\nmesenchymal stem cells " + new string('x', 300) + ") and " + new string('y', 300);

        var found = Assert.Single(MscProductDefinitions.In(text));

        Assert.Equal(400, found.Sentence.Length);
        Assert.StartsWith("CELYVIR (autologous mesenchymal", found.Sentence, StringComparison.Ordinal);
    }
}
