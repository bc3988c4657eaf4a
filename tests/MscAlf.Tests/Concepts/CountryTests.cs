using MscAlf.Concepts;

namespace MscAlf.Tests.Concepts;

public sealed class CountryTests
{
    [Theory]
    [InlineData("China", "CHN", "Asia")]
    [InlineData("Iran, Islamic Republic of", "IRN", "Asia")]
    [InlineData("Korea, Republic of", "KOR", "Asia")]
    [InlineData("Korea, Democratic People's Republic of", "PRK", "Asia")]
    [InlineData("Taiwan", "TWN", "Asia")]
    [InlineData("Vietnam", "VNM", "Asia")]
    [InlineData("Viet Nam", "VNM", "Asia")]
    [InlineData("Turkey", "TUR", "Asia")]
    [InlineData("United States", "USA", "North America")]
    [InlineData("United Kingdom", "GBR", "Europe")]
    [InlineData("Russian Federation", "RUS", "Asia")]
    [InlineData("Congo", "COG", "Africa")]
    [InlineData("Congo, The Democratic Republic of the", "COD", "Africa")]
    [InlineData("Moldova, Republic of", "MDA", "Europe")]
    [InlineData("Brazil", "BRA", "South America")]
    [InlineData("Côte d'Ivoire", "CIV", "Africa")]
    [InlineData("Palestinian Territory, occupied", "PSE", "Asia")]
    [InlineData("Lao People's Democratic Republic", "LAO", "Asia")]
    [InlineData("Czech Republic", "CZE", "Europe")]
    public void Classify_WhenRegistryName_ReturnsIsoCodeAndContinent(string name, string alpha3, string continent)
    {
        var country = Country.Classify(name).Value;
        Assert.NotNull(country);
        Assert.Equal((alpha3, continent), (country.Alpha3, country.Continent));
    }

    [Fact]
    public void Classify_WhenNameIsUnknown_FallsThroughToNullKeepingTheName()
    {
        var result = Country.Classify("Atlantis");
        Assert.Null(result.Value);
        Assert.Equal("Atlantis", result.Evidence);
    }

    [Fact]
    public void All_WhenLoaded_Holds250Countries() => Assert.Equal(250, Country.All.Count);
}
