using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace MscAlf.Notebooks;

/// <summary>
/// Resolves <c>#r</c> in notebook cells: <c>nuget: Id, Version</c> to the shipped package's main assembly (one
/// reference per directive, as Roslyn requires), a path whose assembly the runner already ships to the runner's
/// own copy (so types stay identical), any other path relative to the notebook's folder.
/// </summary>
internal sealed class NotebookReferenceResolver(string baseDirectory, ShippedAssemblies shipped) : MetadataReferenceResolver
{
    private readonly ScriptMetadataResolver _files = ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory);

    public override bool ResolveMissingAssemblies => true;

    public override ImmutableArray<PortableExecutableReference> ResolveReference(
        string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        if (CellSource.TryParseNuGet(reference, out var id, out _))
        {
            return shipped.PackageAssembly(id) is { } main
                ? [ScriptReferences.FromFile(main).WithProperties(properties)]
                : [];
        }
        if (shipped.AssemblyPath(Path.GetFileNameWithoutExtension(reference)) is { } own && reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return [ScriptReferences.FromFile(own).WithProperties(properties)];
        }
        return _files.ResolveReference(reference, baseFilePath, properties);
    }

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity)
    {
        ArgumentNullException.ThrowIfNull(referenceIdentity);
        return shipped.AssemblyPath(referenceIdentity.Name) is { } path ? ScriptReferences.FromFile(path) : null;
    }

    public override bool Equals(object? other) => other is NotebookReferenceResolver r && r._files.Equals(_files);

    public override int GetHashCode() => _files.GetHashCode();
}
