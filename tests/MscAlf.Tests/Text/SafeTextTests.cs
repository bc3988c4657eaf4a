using MscAlf.Text;

namespace MscAlf.Tests.Text;

/// <summary>The one helper that makes values safe to print: escapes, cuts, leaves ordinary text alone.</summary>
public sealed class SafeTextTests
{
    [Theory]
    [InlineData("a\0b", "a\\u0000b")]
    [InlineData("\u001B[31mred", "\\u001B[31mred")]
    [InlineData("abc\u202Edef", "abc\\u202Edef")]
    [InlineData("x\u2066y\u2069", "x\\u2066y\\u2069")]
    [InlineData("line\nnext\r\ttab", "line\\nnext\\r\\ttab")]
    [InlineData("del\u007F c1\u0085", "del\\u007F c1\\u0085")]
    [InlineData("zero\u200Bwidth\uFEFF", "zero\\u200Bwidth\\uFEFF")]
    [InlineData("sep\u2028par\u2029", "sep\\u2028par\\u2029")]
    public void Escape_WhenTextHasControlOrFormatCharacters_WritesThemAsEscapes(string text, string expected) =>
        Assert.Equal(expected, SafeText.Escape(text));

    [Fact]
    public void Escape_WhenASurrogateIsUnpaired_WritesItAsAnEscape() =>
        Assert.Equal("lone\\uD800 surrogate", SafeText.Escape("lone\uD800 surrogate"));

    [Theory]
    [InlineData("Türkiye")]
    [InlineData("Iran, Islamic Republic of")]
    [InlineData("中国 · 日本")]
    [InlineData("emoji \U0001F600 pair")]
    [InlineData("</script><img src=x onerror=alert(1)>")]
    public void Escape_WhenTextIsOrdinary_LeavesItUnchanged(string text) =>
        Assert.Equal(text, SafeText.Escape(text));

    [Fact]
    public void Quote_WhenValueIs20Megabytes_CutsItAndGivesTheFullLength()
    {
        var quoted = SafeText.Quote(new string('9', 20 * 1024 * 1024));
        Assert.True(quoted.Length < 300, $"{quoted.Length} characters");
        Assert.EndsWith("…' (cut; 20971520 characters in all)", quoted, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_WhenCutFallsInsideSurrogatePair_KeepsThePairWhole()
    {
        var value = new string('a', 9) + "\U0001F600" + "tail";
        Assert.StartsWith("'aaaaaaaaa…'", SafeText.Quote(value, 10), StringComparison.Ordinal);
    }

    [Fact]
    public void Message_WhenSeveralLines_EscapesEachAndKeepsTheBreaks()
    {
        var message = SafeText.Message("first \u001B[2J\nsecond \u202E");
        Assert.Equal(["first \\u001B[2J", "second \\u202E"], message.Split(Environment.NewLine));
    }

    [Fact]
    public void Message_WhenLineIsHuge_CutsIt()
    {
        var message = SafeText.Message(new string('x', 100_000));
        Assert.EndsWith("(cut; 100000 characters in all)", message, StringComparison.Ordinal);
        Assert.True(message.Length < 2100);
    }
}
