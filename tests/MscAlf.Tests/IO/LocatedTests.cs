using MscAlf.IO;

namespace MscAlf.Tests.IO;

public sealed class LocatedTests
{
    [Theory]
    [InlineData("short", "short")]
    [InlineData("a\nb\u001B[31m", "a\\nb\\u001B[31m")]
    [InlineData(null, "")]
    public void Message_WhenShort_IsEscapedWhole(string? message, string shown) =>
        Assert.Equal(shown, Located.Message(message));

    [Fact]
    public void Message_WhenLong_KeepsItsEndWhereTheCauseIs()
    {
        var message = "IO Error: Cannot open file \"/tmp/" + new string('x', 300) + "/.x.duckdb\": Permission denied";
        var shown = Located.Message(message, max: 100);
        Assert.StartsWith("IO Error: Cannot open file", shown, StringComparison.Ordinal);
        Assert.EndsWith("Permission denied", shown, StringComparison.Ordinal);
        Assert.Contains(" … ", shown, StringComparison.Ordinal);
        Assert.Equal(100 + " … ".Length, shown.Length);
    }

    [Fact]
    public void Value_WhenLong_IsCutAtItsEndWithItsLength() =>
        Assert.Equal(new string('v', Located.MaxLength) + "… (100 characters)", Located.Value(new string('v', 100)));
}
