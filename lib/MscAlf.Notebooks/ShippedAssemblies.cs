using System.Text.Json;

namespace MscAlf.Notebooks;

/// <summary>
/// The packages and assemblies the runner ships: read from the running application's deps.json (packages and
/// their versions) and trusted-platform-assembly list (where each assembly is). <c>#r "nuget: …"</c> resolves
/// against these; nothing is downloaded.
/// </summary>
public sealed class ShippedAssemblies
{
    private readonly Dictionary<string, string> _paths;
    private readonly Dictionary<string, (string Version, string[] Assemblies)> _packages;

    private ShippedAssemblies(Dictionary<string, string> paths, Dictionary<string, (string, string[])> packages)
    {
        _paths = paths;
        _packages = packages;
    }

    /// <summary>What the current process ships.</summary>
    public static ShippedAssemblies Current { get; } = Load();

    /// <summary>The path of the assembly with this simple name, or null.</summary>
    public string? AssemblyPath(string name) => _paths.GetValueOrDefault(name);

    /// <summary>The version of a shipped package (case-insensitive id), or null when it is not shipped.</summary>
    public string? PackageVersion(string id) => _packages.TryGetValue(id, out var package) ? package.Version : null;

    /// <summary>The main assembly of a shipped package: the one named like the package, else its first.</summary>
    public string? PackageAssembly(string id)
    {
        if (!_packages.TryGetValue(id, out var package) || package.Assemblies.Length == 0)
        {
            return null;
        }
        var main = package.Assemblies.FirstOrDefault(a => a.Equals(id, StringComparison.OrdinalIgnoreCase)) ?? package.Assemblies[0];
        return AssemblyPath(main);
    }

    private static ShippedAssemblies Load()
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        foreach (var path in tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }
        var packages = new Dictionary<string, (string, string[])>(StringComparer.OrdinalIgnoreCase);
        var deps = AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "";
        foreach (var file in deps.Split(';', StringSplitOptions.RemoveEmptyEntries).Where(File.Exists))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            if (!json.RootElement.TryGetProperty("targets", out var targets))
            {
                continue;
            }
            foreach (var target in targets.EnumerateObject())
            {
                foreach (var library in target.Value.EnumerateObject())
                {
                    var slash = library.Name.IndexOf('/', StringComparison.Ordinal);
                    var assemblies = library.Value.TryGetProperty("runtime", out var runtime)
                        ? runtime.EnumerateObject().Select(r => Path.GetFileNameWithoutExtension(r.Name)).ToArray()
                        : [];
                    packages.TryAdd(library.Name[..slash], (library.Name[(slash + 1)..], assemblies));
                }
            }
        }
        return new ShippedAssemblies(paths, packages);
    }
}
