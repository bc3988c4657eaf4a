using MscAlf.Codes;

namespace MscAlf.Tests.Codes;

public sealed class CodeSetTests
{
    [Fact]
    public void Codes_WhenMscSource_AreExactlyTheProjectsCodeSet() =>
        Assert.Equal(
            ["bone_marrow", "umbilical_cord", "cord_blood", "adipose", "placenta", "amniotic", "menstrual_blood",
             "dental_pulp", "skin", "ipsc_derived", "other", "mixed", "unspecified", "not_applicable"],
            CodeSet<MscSourceCode>.Codes);

    [Theory]
    [InlineData("ipsc_derived", MscSourceCode.IpscDerived)]
    [InlineData("not_applicable", MscSourceCode.NotApplicable)]
    public void Parse_WhenCodeIsKnown_ReturnsMember(string code, MscSourceCode expected) =>
        Assert.Equal(expected, CodeSet<MscSourceCode>.Parse(code));

    [Theory]
    [InlineData("Bone_marrow")]
    [InlineData("bone marrow")]
    [InlineData("")]
    public void TryParse_WhenCodeIsNotExact_ReturnsFalse(string code) =>
        Assert.False(CodeSet<MscSourceCode>.TryParse(code, out _));
}
