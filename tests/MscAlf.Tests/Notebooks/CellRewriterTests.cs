using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MscAlf.Notebooks;

namespace MscAlf.Tests.Notebooks;

public sealed class CellRewriterTests
{
    private static string Rewrite(string code) => CellRewriter.Rewrite(
        CSharpSyntaxTree.ParseText(code, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script)), 7);

    [Theory]
    [InlineData("while (true) { n++; }")]
    [InlineData("while (true)\n    n++;")]
    [InlineData("do n++; while (n < 10);")]
    [InlineData("for (var i = 0; ; i++) {\n}")]
    [InlineData("foreach (var x in xs)\n{\n    Console.WriteLine(x);\n}")]
    [InlineData("foreach (var (a, b) in pairs) Console.WriteLine(a);")]
    public void Rewrite_WhenLoop_ChecksAtTheTopOfItsBodyOnTheSameLines(string loop)
    {
        var rewritten = Rewrite(loop);
        Assert.Contains("global::MscAlf.Notebooks.CellGuard.Loop(7);", rewritten, StringComparison.Ordinal);
        Assert.Equal(loop.Count(c => c == '\n'), rewritten.Count(c => c == '\n'));
        Assert.Empty(CSharpSyntaxTree.ParseText(rewritten, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script)).GetDiagnostics());
    }

    [Theory]
    [InlineData("int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);", "return n < 2")]
    [InlineData("int Twice(int n) =>\n    n * 2;", "return n * 2")]
    [InlineData("void Say(string s) => Console.WriteLine(s);", "{ global::MscAlf.Notebooks.CellGuard.Enter(7); Console.WriteLine(s); }")]
    [InlineData("async Task Wait() => await Task.Delay(1);", "await Task.Delay(1); }")]
    [InlineData("int Never() => throw new Exception();", "throw new Exception(); }")]
    [InlineData("int F(int n) { return n; }", "{ global::MscAlf.Notebooks.CellGuard.Enter(7); return n; }")]
    [InlineData("Func<int, int> f = x => { return x; };", "{ global::MscAlf.Notebooks.CellGuard.Enter(7); return x; }")]
    [InlineData("class C { public int P { get { return 1; } } }", "get { global::MscAlf.Notebooks.CellGuard.Enter(7); return 1; }")]
    [InlineData("class C { public C() { } }", "public C() { global::MscAlf.Notebooks.CellGuard.Enter(7); }")]
    public void Rewrite_WhenBody_ChecksOnEntry(string code, string expected)
    {
        var rewritten = Rewrite(code);
        Assert.Contains(expected, rewritten, StringComparison.Ordinal);
        Assert.Equal(code.Count(c => c == '\n'), rewritten.Count(c => c == '\n'));
    }

    [Theory]
    [InlineData("var doubled = xs.Select(x => x * 2);")]
    [InlineData("int P => 3;")]
    [InlineData("Console.WriteLine(1);")]
    public void Rewrite_WhenNothingCanLoopOrRecurse_LeavesTheCodeAsWritten(string code) =>
        Assert.Equal(code, Rewrite(code));
}
