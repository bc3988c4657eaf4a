using MscAlf.Notebooks;

namespace MscAlf.Tests.Notebooks;

[Collection(nameof(ConsoleUsers))]
public sealed class CodeAssistantTests : IDisposable
{
    private readonly ScriptSession _session = new(Path.GetTempPath());

    public void Dispose() => _session.Dispose();

    private CodeAssistant Assistant => new(_session);

    [Theory]
    [InlineData("var x = 1;", "complete", "")]
    [InlineData("if (true) {", "incomplete", "    ")]
    [InlineData("void F() {\n  if (true) {", "incomplete", "        ")]
    [InlineData("var s = \"open", "incomplete", "")]
    [InlineData("var x = 1;)", "invalid", "")]
    [InlineData("#!csharp\nvar y = 2;", "complete", "")]
    public void IsComplete_WhenCodeIsGiven_AnswersAsJupyterExpects(string code, string status, string indent) =>
        Assert.Equal(new Completeness(status, indent), CodeAssistant.IsComplete(code));

    [Fact]
    public async Task CompleteAsync_WhenAfterAStringsDot_OffersItsMembers()
    {
        var completions = await Assistant.CompleteAsync("\"abc\".Len", 9);
        Assert.Equal((6, 9), (completions.Start, completions.End));
        var length = Assert.Single(completions.Items, c => c.Text == "Length");
        Assert.Equal("property", length.Kind);
    }

    [Fact]
    public async Task CompleteAsync_WhenVariablesCameFromEarlierCells_KnowsThemAndTheirMembers()
    {
        await _session.ExecuteAsync("var trials = new List<int> { 3, 1 };", "cell1", new RecordingOutput());
        var names = await Assistant.CompleteAsync("tri", 3);
        Assert.Equal("variable", Assert.Single(names.Items, c => c.Text == "trials").Kind);
        var members = await Assistant.CompleteAsync("trials.", 7);
        Assert.Contains(members.Items, c => c.Text == "Add");
        Assert.Contains(members.Items, c => c.Text == "Where"); // an extension method, as LINQ users expect
        Assert.DoesNotContain(members.Items, c => c.Kind == "keyword");
    }

    [Fact]
    public async Task CompleteAsync_WhenAfterATypeOrNamespace_OffersStaticMembersAndTypes()
    {
        var statics = await Assistant.CompleteAsync("Math.Ma", 7);
        Assert.Contains(statics.Items, c => c.Text == "Max");
        var types = await Assistant.CompleteAsync("MscAlf.Data.Data", 16);
        Assert.Contains(types.Items, c => c.Text == "Dataset" && c.Kind == "class");
    }

    [Fact]
    public async Task CompleteAsync_WhenAWordStarts_OffersKeywordsToo()
    {
        var completions = await Assistant.CompleteAsync("forea", 5);
        Assert.Contains(completions.Items, c => c.Text == "foreach" && c.Kind == "keyword");
    }

    [Fact]
    public async Task InspectAsync_WhenOnAFrameworkMethod_GivesSignatureAndDocumentation()
    {
        var help = await Assistant.InspectAsync("Math.Max(1, 2)", 6);
        Assert.NotNull(help);
        Assert.Contains("Math.Max(int val1, int val2)", help, StringComparison.Ordinal);
        Assert.Contains("Returns the larger of two", help, StringComparison.Ordinal); // from the SDK's reference pack
    }

    [Fact]
    public async Task InspectAsync_WhenOnALibraryTypeOrAnEarlierVariable_DescribesIt()
    {
        await _session.ExecuteAsync("var data = MscAlf.Data.Dataset.Load();", "cell1", new RecordingOutput());
        var variable = await Assistant.InspectAsync("data", 2);
        Assert.StartsWith("(variable) Dataset data", variable!, StringComparison.Ordinal);
        var member = await Assistant.InspectAsync("data.November2021Trials", 10);
        Assert.Contains("November2021Trials", member, StringComparison.Ordinal);
        Assert.Contains("posted before", member, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectAsync_WhenNothingIsNamed_ReturnsNull() =>
        Assert.Null(await Assistant.InspectAsync("1 + 1", 2));
}
