
namespace MscAlf.Tests.Cli;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_WhenDataIsGood_PrintsSummaryAndExitsZero()
    {
        var (code, output, _) = await Cli.RunAsync("validate", "--data", TestData.RepositoryDataDirectory);
        Assert.Equal(0, code);
        Assert.Contains("trials.csv", output, StringComparison.Ordinal);
        Assert.Contains("before 2021-12-01): 69 trials", output, StringComparison.Ordinal);
        Assert.Matches(@"bone_marrow\s+25", output);
    }

    [Fact]
    public async Task Validate_WhenDataIsBad_PrintsLocatedErrorsAndExitsNonZero()
    {
        using var copy = new DataCopy();
        copy.Replace("trials.csv", ",30,anticipated,", ",thirty,anticipated,");
        copy.Replace("trials.csv", ",in_scope,", ",maybe,");
        var (code, output, error) = await Cli.RunAsync("validate", "--data", copy.Directory);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("trials.csv:2: column 'enrollment': value 'thirty'", error, StringComparison.Ordinal);
        Assert.Contains("trials.csv:2: column 'scope': value 'maybe'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WhenFolderDoesNotExist_ExitsNonZero()
    {
        var (code, _, error) = await Cli.RunAsync("validate", "--data", "/nonexistent/mscalf");
        Assert.Equal(1, code);
        Assert.Contains("/nonexistent/mscalf", error, StringComparison.Ordinal);
    }
}
