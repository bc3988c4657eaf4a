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

    [Fact]
    public void In_WhenADefinitionHoldsTheNextName_FindsBoth()
    {
        var found = MscProductDefinitions.In("AB123 is an MSC product and CD456 is made of mesenchymal stromal cells.");

        Assert.Equal(["AB123", "CD456"], found.Select(d => d.Name));
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

    /// <summary>
    /// Hostile text ends promptly: a run of word characters before "MSC" once made the MSC term's leading <c>\w*</c> try every
    /// start inside the run (quadratic: 32 s for 40,000 characters); the term now starts at a word boundary.
    /// </summary>
    [Theory]
    [InlineData("A", 300_000, " MSC")]
    [InlineData("Abcde1 (", 40_000, " mesenchymal")]
    [InlineData("A-", 150_000, " mesenchymal")]
    [InlineData("Abcde1, the ", 25_000, "MSC")]
    [InlineData("Abcde1 is ", 30_000, "MSC")]
    [InlineData("Ab: ", 75_000, " mesenchymal")]
    [InlineData(" ", 300_000, "x mesenchymal")] // a run of white space after "mesenchymal" (the start is added below)
    [InlineData("Abcd00001 is MSC; ", 50_000, "")] // many names defined in one sentence
    public async Task In_WhenTextIsLongAndRepetitive_ReturnsPromptly(string unit, int times, string end)
    {
        var text = (unit == " " ? "mesenchymal" : "") + string.Concat(Enumerable.Repeat(unit, times)) + end;

        var run = Task.Run(() => MscProductDefinitions.In(text));

        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))));
    }
}
