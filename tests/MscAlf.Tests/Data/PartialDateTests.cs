using MscAlf.Data;

namespace MscAlf.Tests.Data;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2006")]
    [InlineData("2006-02")]
    [InlineData("2007-01-09")]
    [InlineData("2020-02-29")]
    public void Parse_WhenIsoAtAnyPrecision_RoundTrips(string text) =>
        Assert.Equal(text, PartialDate.Parse(text).ToString());

    [Theory]
    [InlineData("2006-13")]
    [InlineData("2021-02-29")]
    [InlineData("February 2006")]
    [InlineData("2006-2")]
    [InlineData("06-02-2006")]
    [InlineData("")]
    public void TryParse_WhenNotAnExistingIsoDate_ReturnsFalse(string text) =>
        Assert.False(PartialDate.TryParse(text, out _));

    [Fact]
    public void CompareTo_WhenPrecisionsDiffer_ComparesFirstDays()
    {
        Assert.True(PartialDate.Parse("2021-11") < PartialDate.Parse("2021-12-01"));
        Assert.True(PartialDate.Parse("2021-12") >= PartialDate.Parse("2021-12-01"));
    }
}
