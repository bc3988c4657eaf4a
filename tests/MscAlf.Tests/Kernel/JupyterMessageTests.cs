using System.Text;
using System.Text.Json.Nodes;
using MscAlf.Kernel;

namespace MscAlf.Tests.Kernel;

public sealed class JupyterMessageTests
{
    private static readonly MessageSigner Signer = new("secret");

    private static JupyterMessage Request() => JupyterMessage.Create("execute_request", new JsonObject { ["code"] = "1 + 1" }, null, "s1",
        [Encoding.ASCII.GetBytes("client-id")]);

    [Fact]
    public void Parse_WhenSignedWithTheKey_ReadsIdentitiesHeaderAndContent()
    {
        var parsed = JupyterMessage.Parse(Request().ToFrames(Signer), Signer, out var problem);
        Assert.Null(problem);
        Assert.Equal(("execute_request", "1 + 1"), (parsed!.Type, (string?)parsed.Content["code"]));
        Assert.Equal("client-id", Encoding.ASCII.GetString(Assert.Single(parsed.Identities)));
    }

    [Theory]
    [InlineData("another key")]
    [InlineData("")]
    public void Parse_WhenSignedWithAnotherKeyOrNot_Drops(string key)
    {
        var parsed = JupyterMessage.Parse(Request().ToFrames(new MessageSigner(key)), Signer, out var problem);
        Assert.Null(parsed);
        Assert.Equal("the signature does not match", problem);
    }

    [Fact]
    public void Parse_WhenContentIsChangedAfterSigning_Drops()
    {
        var frames = Request().ToFrames(Signer);
        frames[^1] = Encoding.UTF8.GetBytes("""{"code": "File.Delete(\"x\")"}""");
        Assert.Null(JupyterMessage.Parse(frames, Signer, out _));
    }

    [Fact]
    public void Parse_WhenFramesAreMissing_SaysSo()
    {
        Assert.Null(JupyterMessage.Parse([Encoding.ASCII.GetBytes("<IDS|MSG>"), [1]], Signer, out var problem));
        Assert.Contains("delimiter", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenAnswering_CarriesTheParentHeaderAndProtocolVersion()
    {
        var request = Request();
        var reply = JupyterMessage.Create("execute_reply", [], request, "s2");
        Assert.Equal(request.Id, (string?)reply.ParentHeader["msg_id"]);
        Assert.Equal(("5.3", "s2"), ((string?)reply.Header["version"], (string?)reply.Header["session"]));
        Assert.Equal(request.Identities, reply.Identities);
    }

    [Theory]
    [InlineData("abc", 2, 2)]
    [InlineData("😀x", 1, 2)]
    [InlineData("a😀😀b", 3, 5)]
    [InlineData("ab", 9, 2)]
    public void CodePoints_WhenConverted_CountSurrogatePairsAsOne(string text, int codePoints, int utf16)
    {
        Assert.Equal(utf16, CodePoints.ToUtf16(text, codePoints));
        Assert.Equal(Math.Min(codePoints, text.EnumerateRunes().Count()), CodePoints.FromUtf16(text, utf16));
    }
}
