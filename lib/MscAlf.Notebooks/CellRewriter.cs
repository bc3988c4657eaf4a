using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MscAlf.Notebooks;

/// <summary>
/// Writes <see cref="CellGuard"/> checks into a cell's code so that an interrupt can stop it: one at the top of
/// every loop body (a loop without braces gets them) and one at the entry of every method, local function, lambda,
/// anonymous method and accessor body declared in the cell (an expression-bodied method or local function gets a
/// block). No line is added or removed, so compiler errors and stack traces keep the cell's line numbers.
/// Expression-bodied lambdas and properties are left as written (they cannot loop, and may be expression trees).
/// </summary>
internal sealed class CellRewriter(int slot) : CSharpSyntaxRewriter
{
    /// <summary>Returns the cell's code with checks for the session's <paramref name="slot"/>.</summary>
    public static string Rewrite(SyntaxTree tree, int slot) =>
        new CellRewriter(slot).Visit(tree.GetRoot()).ToFullString();

    private StatementSyntax Check(string method) =>
        SyntaxFactory.ParseStatement($"global::MscAlf.Notebooks.CellGuard.{method}({slot});");

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node) =>
        base.VisitWhileStatement(node) is WhileStatementSyntax loop ? loop.WithStatement(Guard(loop.Statement)) : null;

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node) =>
        base.VisitDoStatement(node) is DoStatementSyntax loop ? loop.WithStatement(Guard(loop.Statement)) : null;

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node) =>
        base.VisitForStatement(node) is ForStatementSyntax loop ? loop.WithStatement(Guard(loop.Statement)) : null;

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node) =>
        base.VisitForEachStatement(node) is ForEachStatementSyntax loop ? loop.WithStatement(Guard(loop.Statement)) : null;

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node) =>
        base.VisitForEachVariableStatement(node) is ForEachVariableStatementSyntax loop ? loop.WithStatement(Guard(loop.Statement)) : null;

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var method = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        if (method.Body is { } body)
        {
            return method.WithBody(Enter(body));
        }
        return method.ExpressionBody is { } arrow
            ? method.WithExpressionBody(null).WithSemicolonToken(default)
                .WithBody(BodyOf(arrow, method.SemicolonToken, ReturnsNothing(method.ReturnType, method.Modifiers)))
            : method;
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var function = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        if (function.Body is { } body)
        {
            return function.WithBody(Enter(body));
        }
        return function.ExpressionBody is { } arrow
            ? function.WithExpressionBody(null).WithSemicolonToken(default)
                .WithBody(BodyOf(arrow, function.SemicolonToken, ReturnsNothing(function.ReturnType, function.Modifiers)))
            : function;
    }

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node)
    {
        var constructor = (ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!;
        return constructor.Body is { } body ? constructor.WithBody(Enter(body)) : constructor;
    }

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var accessor = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        return accessor.Body is { } body ? accessor.WithBody(Enter(body)) : accessor;
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var lambda = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        return lambda.Block is { } block ? lambda.WithBlock(Enter(block)) : lambda;
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var lambda = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        return lambda.Block is { } block ? lambda.WithBlock(Enter(block)) : lambda;
    }

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var method = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return method.Block is { } block ? method.WithBlock(Enter(block)) : method;
    }

    /// <summary>A loop body with a loop check first; a body without braces gets braces on its own lines.</summary>
    private BlockSyntax Guard(StatementSyntax body) => body is BlockSyntax block
        ? Prepend(block, Check(nameof(CellGuard.Loop)))
        : SyntaxFactory.Block(
            SyntaxFactory.Token(body.GetLeadingTrivia(), SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
            SyntaxFactory.List([Check(nameof(CellGuard.Loop)).WithTrailingTrivia(SyntaxFactory.Space), body.WithoutTrivia()]),
            SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.CloseBraceToken, body.GetTrailingTrivia()));

    private BlockSyntax Enter(BlockSyntax body) => Prepend(body, Check(nameof(CellGuard.Enter)));

    /// <summary>Puts <paramref name="check"/> right after the block's opening brace, on the brace's line.</summary>
    private static BlockSyntax Prepend(BlockSyntax block, StatementSyntax check)
    {
        var open = block.OpenBraceToken;
        var placed = check.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(open.TrailingTrivia);
        return block.WithOpenBraceToken(open.WithTrailingTrivia()).WithStatements(block.Statements.Insert(0, placed));
    }

    /// <summary><c>=> e;</c> as <c>{ check; return e; }</c> (or <c>e;</c>, <c>throw x;</c>), on the same lines.</summary>
    private BlockSyntax BodyOf(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, bool returnsNothing)
    {
        // The trivia between "=>" and the expression (a line break, say) moves in front of the new statement.
        var lead = arrow.ArrowToken.TrailingTrivia.AddRange(arrow.Expression.GetLeadingTrivia());
        var expression = arrow.Expression.WithLeadingTrivia();
        var end = SyntaxFactory.Token(SyntaxKind.SemicolonToken);
        var space = SyntaxFactory.TriviaList(SyntaxFactory.Space);
        StatementSyntax statement = expression switch
        {
            ThrowExpressionSyntax thrown => SyntaxFactory.ThrowStatement(
                SyntaxFactory.Token(lead, SyntaxKind.ThrowKeyword, space), thrown.Expression.WithLeadingTrivia(), end),
            _ when returnsNothing => SyntaxFactory.ExpressionStatement(expression, end).WithLeadingTrivia(lead),
            _ => SyntaxFactory.ReturnStatement(SyntaxFactory.Token(lead, SyntaxKind.ReturnKeyword, space), expression, end),
        };
        return SyntaxFactory.Block(
            SyntaxFactory.Token(arrow.ArrowToken.LeadingTrivia, SyntaxKind.OpenBraceToken, space),
            SyntaxFactory.List([Check(nameof(CellGuard.Enter)), statement]),
            SyntaxFactory.Token(space, SyntaxKind.CloseBraceToken, semicolon.TrailingTrivia));
    }

    /// <summary>True when an expression body is a statement, not a value: <c>void</c>, or <c>async Task</c>/<c>ValueTask</c>.</summary>
    private static bool ReturnsNothing(TypeSyntax returnType, SyntaxTokenList modifiers) =>
        returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
        || modifiers.Any(SyntaxKind.AsyncKeyword) && returnType.ToString().Trim() is "Task" or "ValueTask"
            or "System.Threading.Tasks.Task" or "System.Threading.Tasks.ValueTask";
}
