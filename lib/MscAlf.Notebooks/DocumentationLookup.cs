using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace MscAlf.Notebooks;

/// <summary>
/// Finds a symbol's XML documentation as plain text: from the cell's own <c>///</c> comments, from the XML file
/// beside a library's assembly, and for the framework from the SDK's reference pack (whose files are split by
/// reference assembly, so a type of <c>System.Private.CoreLib</c> is looked for by its namespace, then in
/// <c>System.Runtime.xml</c>, then in the rest). Files are read once, when first needed.
/// </summary>
internal sealed partial class DocumentationLookup
{
    private readonly ConcurrentDictionary<string, Dictionary<string, XElement>> _files = new(StringComparer.Ordinal);

    /// <summary>Summary, parameters, return value and exceptions of <paramref name="symbol"/>, or empty.</summary>
    public string Describe(ISymbol symbol, Compilation compilation)
    {
        var original = symbol is IMethodSymbol { ReducedFrom: { } extension } ? extension : symbol.OriginalDefinition;
        var member = Own(original) ?? Find(original, compilation);
        return member is null ? "" : Format(member);
    }

    private static XElement? Own(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml();
        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }
        try
        {
            return XElement.Parse(xml);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private XElement? Find(ISymbol symbol, Compilation compilation)
    {
        if (symbol.GetDocumentationCommentId() is not { } id)
        {
            return null;
        }
        foreach (var file in Candidates(symbol, compilation))
        {
            if (Load(file).TryGetValue(id, out var member))
            {
                return member;
            }
        }
        return null;
    }

    private static IEnumerable<string> Candidates(ISymbol symbol, Compilation compilation)
    {
        var assembly = symbol.ContainingAssembly;
        if (assembly is not null && compilation.GetMetadataReference(assembly) is PortableExecutableReference { FilePath: { } path })
        {
            yield return Path.ChangeExtension(path, ".xml");
        }
        if (ScriptReferences.ReferencePack is not { } pack || assembly is null)
        {
            yield break;
        }
        yield return Path.Combine(pack, assembly.Name + ".xml");
        var space = symbol.ContainingNamespace?.ToDisplayString() ?? "";
        for (var name = space; name.Length > 0; name = name.Contains('.', StringComparison.Ordinal) ? name[..name.LastIndexOf('.')] : "")
        {
            yield return Path.Combine(pack, name + ".xml");
        }
        yield return Path.Combine(pack, "System.Runtime.xml");
        foreach (var file in Directory.EnumerateFiles(pack, "*.xml").Order(StringComparer.Ordinal))
        {
            yield return file;
        }
    }

    private Dictionary<string, XElement> Load(string file) => _files.GetOrAdd(file, path =>
    {
        var members = new Dictionary<string, XElement>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return members;
        }
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            while (reader.ReadToFollowing("member"))
            {
                if (XNode.ReadFrom(reader) is XElement member && member.Attribute("name")?.Value is { } name)
                {
                    members.TryAdd(name, member);
                }
            }
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            // A broken or unreadable documentation file only means no help text.
        }
        return members;
    });

    private static string Format(XElement member)
    {
        var text = new StringBuilder(Plain(member.Element("summary")));
        foreach (var parameter in member.Elements("param"))
        {
            text.Append("\n  ").Append(parameter.Attribute("name")?.Value).Append(": ").Append(Plain(parameter));
        }
        if (member.Element("returns") is { } returns)
        {
            text.Append("\nReturns: ").Append(Plain(returns));
        }
        foreach (var thrown in member.Elements("exception"))
        {
            text.Append("\nThrows ").Append(CrefName(thrown.Attribute("cref")?.Value)).Append(": ").Append(Plain(thrown));
        }
        return text.ToString().Trim();
    }

    /// <summary>An XML doc element's text: references by their short name, whitespace collapsed.</summary>
    private static string Plain(XElement? element)
    {
        if (element is null)
        {
            return "";
        }
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            text.Append(node switch
            {
                XText plain => plain.Value,
                XElement { Name.LocalName: "see" or "seealso" } see => see.Attribute("cref") is { } cref
                    ? CrefName(cref.Value)
                    : see.Attribute("langword")?.Value ?? see.Attribute("href")?.Value ?? see.Value,
                XElement { Name.LocalName: "paramref" or "typeparamref" } reference => reference.Attribute("name")?.Value ?? "",
                XElement inner => Plain(inner),
                _ => "",
            });
        }
        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    private static string CrefName(string? cref)
    {
        if (cref is null)
        {
            return "";
        }
        var name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        name = name.Split('(')[0];
        return name[(name.LastIndexOf('.') + 1)..].Split('`')[0];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
