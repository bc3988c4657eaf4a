using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace MscAlf.Notebooks;

/// <summary>
/// The metadata references every session compiles against, made once per process and shared: the parts of the
/// running framework a notebook commonly uses, and the libraries the runner ships. Other framework assemblies
/// come in when a referenced library needs them or a cell names them with <c>#r</c>. Reusing the same reference
/// objects for every cell keeps a long session's memory flat (building them per cell grows it by megabytes a
/// cell); referencing the whole framework would triple a cell's compile time and the memory of a long session.
/// Roslyn scripting cannot compile against reference assemblies, so these are the runtime's own.
/// </summary>
internal static class ScriptReferences
{
    private static readonly string[] Framework =
    [
        "System.Private.CoreLib", "System.Runtime", "netstandard", "System.Console", "System.Collections",
        "System.Collections.Concurrent", "System.Linq", "System.Linq.Expressions", "System.Linq.Parallel",
        "System.Text.RegularExpressions", "System.Text.Json", "System.Text.Encodings.Web", "System.Memory",
        "System.Runtime.Numerics", "System.Net.Http", "System.Net.Primitives", "System.Private.Uri", "System.ObjectModel",
        "System.ComponentModel.Primitives", "System.Diagnostics.Process", "System.IO.Compression",
        "System.Threading", "System.Threading.Tasks.Parallel", "Microsoft.CSharp", "System.Private.Xml",
        "System.Private.Xml.Linq", "System.Xml.ReaderWriter", "System.Xml.Linq", "System.Data.Common",
        "System.Security.Cryptography",
    ];

    private static readonly ConcurrentDictionary<string, PortableExecutableReference> Files = new(StringComparer.Ordinal);
    private static readonly Lazy<IReadOnlyList<MetadataReference>> LazyDefaults = new(Build);

    /// <summary>The framework plus the libraries a notebook uses without <c>#r</c>.</summary>
    public static IReadOnlyList<MetadataReference> Defaults => LazyDefaults.Value;

    /// <summary>The SDK's reference pack folder (reference assemblies and their XML docs), or null when it is missing.</summary>
    public static string? ReferencePack { get; } = FindReferencePack();

    /// <summary>One shared reference per file.</summary>
    public static PortableExecutableReference FromFile(string path) =>
        Files.GetOrAdd(path, p => MetadataReference.CreateFromFile(p));

    private static List<MetadataReference> Build()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = Framework.Select(name => Path.Combine(runtime, name + ".dll")).Where(File.Exists);
        var libraries = new[]
        {
            typeof(MscAlf.Display.ITabular).Assembly, typeof(Microsoft.Data.Analysis.DataFrame).Assembly,
            typeof(Plotly.NET.GenericChart).Assembly, typeof(Microsoft.FSharp.Core.FSharpOption<>).Assembly,
            typeof(NotebookGlobals).Assembly,
        }.Select(a => a.Location);
        return [.. framework.Concat(libraries).Select(FromFile)];
    }

    /// <summary>
    /// <c>&lt;dotnet root&gt;/packs/Microsoft.NETCore.App.Ref/&lt;newest version of the running major&gt;/ref/net&lt;major&gt;.0</c>.
    /// </summary>
    private static string? FindReferencePack()
    {
        // The running framework lives in <root>/shared/Microsoft.NETCore.App/<version>/.
        var runtime = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        var root = runtime.Parent?.Parent?.Parent;
        var major = Environment.Version.Major;
        var packs = root is null ? null : new DirectoryInfo(Path.Combine(root.FullName, "packs", "Microsoft.NETCore.App.Ref"));
        if (packs is not { Exists: true })
        {
            return null;
        }
        return packs.GetDirectories($"{major}.*")
            .Select(d => (Directory: d, Version: Version.TryParse(d.Name.Split('-')[0], out var v) ? v : null))
            .Where(d => d.Version is not null)
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Directory.FullName, "ref", $"net{major}.0"))
            .FirstOrDefault(Directory.Exists);
    }
}
