using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MscAlf.Notebooks;

/// <summary>Whether a cell's code is ready to run: Jupyter's is_complete answer.</summary>
/// <param name="Status"><c>complete</c>, <c>incomplete</c> (more lines to come) or <c>invalid</c> (it cannot run as written).</param>
/// <param name="Indent">The indentation of the next line when incomplete.</param>
public sealed record Completeness(string Status, string Indent);

/// <summary>One completion: the text to insert and what it is.</summary>
/// <param name="Text">The name to insert.</param>
/// <param name="Kind">Jupyter's kind: <c>method</c>, <c>property</c>, <c>field</c>, <c>class</c>, <c>namespace</c>, <c>keyword</c>, <c>variable</c>…</param>
/// <param name="Signature">The symbol as C# shows it, for the client's detail column.</param>
public sealed record Completion(string Text, string Kind, string Signature);

/// <summary>Completions for the word that ends at the cursor.</summary>
/// <param name="Start">Where the word starts (UTF-16 index); the client replaces Start..End.</param>
/// <param name="End">Where it ends (the cursor).</param>
/// <param name="Items">The matches, best first.</param>
public sealed record Completions(int Start, int End, IReadOnlyList<Completion> Items);

/// <summary>
/// Completion, help and completeness for cells of a <see cref="ScriptSession"/>, from Roslyn's own syntax and
/// semantic model: the code at the cursor is compiled as the session's next submission (not run), so member and
/// symbol completions know the variables, methods and types of every earlier cell.
/// </summary>
public sealed class CodeAssistant(ScriptSession session)
{
    private static readonly CSharpParseOptions ScriptParse = CSharpParseOptions.Default.WithKind(SourceCodeKind.Script)
        .WithLanguageVersion(LanguageVersion.Latest);

    private static readonly SymbolDisplayFormat Signature = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType)
        .AddParameterOptions(SymbolDisplayParameterOptions.IncludeDefaultValue);

    private readonly DocumentationLookup _docs = new();

    /// <summary>Whether <paramref name="code"/> is a whole cell (Jupyter's is_complete).</summary>
    public static Completeness IsComplete(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var tree = CSharpSyntaxTree.ParseText(BlankMagics(code), ScriptParse);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
        {
            var depth = tree.GetRoot().DescendantTokens().Sum(t => t.Kind() switch
            {
                SyntaxKind.OpenBraceToken => 1,
                SyntaxKind.CloseBraceToken when !t.IsMissing => -1,
                _ => 0,
            });
            return new Completeness("incomplete", new string(' ', 4 * Math.Max(0, depth)));
        }
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)
            ? new Completeness("invalid", "")
            : new Completeness("complete", "");
    }

    /// <summary>Completions at <paramref name="position"/> (a UTF-16 index into <paramref name="code"/>).</summary>
    public async Task<Completions> CompleteAsync(string code, int position, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        position = Math.Clamp(position, 0, code.Length);
        var start = position;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_'))
        {
            start--;
        }
        var prefix = code[start..position];
        var (model, root) = await CompileAsync(code, cancellationToken).ConfigureAwait(false);
        var symbols = Lookup(model, root, start);
        var items = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .Select(g => new Completion(g.Key, KindOf(g.First()), g.First().ToDisplayString(Signature)))
            .Concat(IsMemberAccess(root, start) ? [] : Keywords(prefix))
            .OrderBy(c => c.Text.StartsWith(prefix, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(c => c.Text, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.Text, StringComparer.Ordinal)
            .ToList();
        return new Completions(start, position, items);
    }

    /// <summary>Help for the symbol at <paramref name="position"/>: its C# signature and documentation, or null.</summary>
    public async Task<string?> InspectAsync(string code, int position, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        position = Math.Clamp(position, 0, code.Length);
        var (model, root) = await CompileAsync(code, cancellationToken).ConfigureAwait(false);
        var symbols = SymbolsAt(model, root, position);
        if (symbols.IsEmpty)
        {
            return null;
        }
        var parts = symbols.Take(8).Select(s =>
        {
            var text = s switch
            {
                ILocalSymbol local => $"(variable) {local.Type.ToDisplayString(Signature)} {local.Name}",
                IFieldSymbol { ContainingType.IsScriptClass: true } field => $"(variable) {field.Type.ToDisplayString(Signature)} {field.Name}",
                IParameterSymbol parameter => $"(parameter) {parameter.Type.ToDisplayString(Signature)} {parameter.Name}",
                _ => s.ToDisplayString(Signature),
            };
            return _docs.Describe(s, model.Compilation) is { Length: > 0 } doc ? text + "\n\n" + doc : text;
        });
        var more = symbols.Length > 8 ? $"\n\n(+{symbols.Length - 8} more overloads)" : "";
        return string.Join("\n\n", parts) + more;
    }

    private async Task<(SemanticModel Model, SyntaxNode Root)> CompileAsync(string code, CancellationToken cancellationToken)
    {
        await session.StartAsync().ConfigureAwait(false);
        var script = session.LastScript!.ContinueWith(BlankMagics(code), session.Options);
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Single();
        var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        return (compilation.GetSemanticModel(tree), root);
    }

    /// <summary>The symbols that can follow at <paramref name="start"/>: members after a dot, else everything in scope.</summary>
    private static ImmutableArray<ISymbol> Lookup(SemanticModel model, SyntaxNode root, int start)
    {
        var dot = start > 0 ? root.FindToken(start - 1) : default;
        var receiver = dot.IsKind(SyntaxKind.DotToken) ? dot.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax qualified => qualified.Left,
            MemberBindingExpressionSyntax binding when binding.Parent?.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>() is { } conditional
                => conditional.Expression,
            _ => null,
        } : null;
        if (receiver is null)
        {
            return dot.IsKind(SyntaxKind.DotToken) ? [] : model.LookupSymbols(start);
        }
        var symbol = model.GetSymbolInfo(receiver).Symbol;
        if (symbol is INamespaceSymbol space)
        {
            return model.LookupNamespacesAndTypes(start, space);
        }
        if (symbol is ITypeSymbol type && receiver is not (ThisExpressionSyntax or BaseExpressionSyntax))
        {
            return model.LookupStaticMembers(start, type);
        }
        var instance = model.GetTypeInfo(receiver).Type;
        return instance is null or IErrorTypeSymbol
            ? []
            : [.. model.LookupSymbols(start, instance, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension })];
    }

    private static bool IsMemberAccess(SyntaxNode root, int start) =>
        start > 0 && root.FindToken(start - 1).IsKind(SyntaxKind.DotToken);

    /// <summary>The symbol named at the cursor, or the method whose argument list holds it (all overloads).</summary>
    private static ImmutableArray<ISymbol> SymbolsAt(SemanticModel model, SyntaxNode root, int position)
    {
        var token = root.FindToken(Math.Max(0, position - 1));
        if (!token.IsKind(SyntaxKind.IdentifierToken) && position < root.FullSpan.End)
        {
            var next = root.FindToken(position);
            token = next.IsKind(SyntaxKind.IdentifierToken) ? next : token;
        }
        if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is { } named)
        {
            var info = model.GetSymbolInfo(named);
            if (info.Symbol is { } symbol)
            {
                return [symbol];
            }
            if (!info.CandidateSymbols.IsEmpty)
            {
                return info.CandidateSymbols;
            }
            if (model.GetDeclaredSymbol(named) is { } declared)
            {
                return [declared];
            }
        }
        var call = token.Parent?.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
        if (call is null)
        {
            return [];
        }
        var callInfo = model.GetSymbolInfo(call);
        return callInfo.Symbol is { } method ? [method] : callInfo.CandidateSymbols.IsEmpty
            ? model.GetMemberGroup(call.Expression)
            : callInfo.CandidateSymbols;
    }

    private static string KindOf(ISymbol symbol) => symbol switch
    {
        IMethodSymbol => "method",
        IPropertySymbol => "property",
        IFieldSymbol { ContainingType.IsScriptClass: true } or ILocalSymbol or IParameterSymbol => "variable",
        IFieldSymbol { IsConst: true } => "constant",
        IFieldSymbol => "field",
        IEventSymbol => "event",
        INamespaceSymbol => "namespace",
        INamedTypeSymbol { TypeKind: TypeKind.Interface } => "interface",
        INamedTypeSymbol { TypeKind: TypeKind.Enum } => "enum",
        INamedTypeSymbol { TypeKind: TypeKind.Struct } => "struct",
        INamedTypeSymbol => "class",
        _ => "text",
    };

    private static IEnumerable<Completion> Keywords(string prefix) =>
        prefix.Length == 0
            ? []
            : SyntaxFacts.GetKeywordKinds().Concat(SyntaxFacts.GetContextualKeywordKinds())
                .Select(SyntaxFacts.GetText)
                .Where(k => k.Length > 0 && char.IsLetter(k[0]) && k.StartsWith(prefix, StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .Select(k => new Completion(k, "keyword", k));

    /// <summary>Blanks .NET Interactive magic lines (<c>#!csharp</c>) with spaces, so positions stay put.</summary>
    private static string BlankMagics(string code)
    {
        if (!code.Contains("#!", StringComparison.Ordinal))
        {
            return code;
        }
        var lines = code.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("#!", StringComparison.Ordinal))
            {
                lines[i] = new string(' ', lines[i].TrimEnd('\r').Length) + (lines[i].EndsWith('\r') ? "\r" : "");
            }
        }
        return string.Join('\n', lines);
    }
}
