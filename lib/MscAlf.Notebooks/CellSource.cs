using System.Text.RegularExpressions;

namespace MscAlf.Notebooks;

/// <summary>A code cell made ready for Roslyn: magic lines blanked (so line numbers stay right) and its NuGet references.</summary>
/// <param name="Code">The C# code to run (empty for a #!markdown cell).</param>
/// <param name="IsMarkdown">True for a code cell marked <c>#!markdown</c>: it is not run.</param>
/// <param name="Problem">Why the cell cannot run (an unsupported kernel or magic, a package the runner lacks), or null.</param>
public sealed partial record CellSource(string Code, bool IsMarkdown, string? Problem)
{
    private static readonly string[] CSharpMagics = ["#!csharp", "#!c#", "#!C#"];

    /// <summary>Prepares a cell's source; <paramref name="shipped"/> answers which packages exist.</summary>
    public static CellSource Prepare(string source, ShippedAssemblies shipped)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(shipped);
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length > 0 && lines[0].Trim() == "#!markdown")
        {
            return new CellSource("", true, null);
        }
        string? problem = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                problem ??= CSharpMagics.Contains(line) ? null : $"line {i + 1}: '{line}' is not supported: this runner runs C# cells only";
                lines[i] = "";
            }
            else if (NuGetDirective().Match(line) is { Success: true } directive && TryParseNuGet(directive.Groups[1].Value, out var id, out var version))
            {
                var shippedVersion = shipped.PackageVersion(id);
                problem ??= shippedVersion is null
                    ? $"line {i + 1}: package {id} is not available: the runner ships its packages and downloads nothing"
                    : version is not null && version != shippedVersion
                        ? $"line {i + 1}: package {id} {version} is not available: the runner ships {id} {shippedVersion}"
                        : null;
            }
        }
        return new CellSource(string.Join('\n', lines), false, problem);
    }

    /// <summary>Parses <c>nuget: Id, Version</c> (version optional).</summary>
    public static bool TryParseNuGet(string reference, out string id, out string? version)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var match = NuGetReference().Match(reference);
        id = match.Success ? match.Groups[1].Value : "";
        version = match.Success && match.Groups[2].Success ? match.Groups[2].Value : null;
        return match.Success;
    }

    [GeneratedRegex(@"^#r\s+""(nuget:[^""]*)""")]
    private static partial Regex NuGetDirective();

    [GeneratedRegex(@"^\s*nuget:\s*([A-Za-z0-9_.\-]+)\s*(?:,\s*([^\s,]+)\s*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetReference();
}
