namespace MscAlf.IO;

/// <summary>
/// Checks an output path before a command writes anything: an output never replaces one of the command's inputs
/// (the same file under any name, symbolic and hard links included), never lands inside an input folder, never
/// writes into the curated data folder (<see cref="ProjectPaths.Find"/>), and never replaces anything that
/// is not a regular file (a folder, a device, a pipe).
/// </summary>
public static class OutputGuard
{
    /// <summary>Throws <see cref="OutputRefusedException"/> when <paramref name="output"/> may not be written as a file.</summary>
    public static void CheckFile(string output, IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(inputs);
        var full = Path.GetFullPath(output);
        switch (FileIdentity.KindOf(full))
        {
            case FileKind.Directory:
                throw new OutputRefusedException($"{output}: is a folder; --out takes a file path");
            case FileKind.Special:
                throw new OutputRefusedException($"{output}: is not a regular file (a device, pipe or socket); refusing to replace it");
        }
        CheckParent(output, full);
        CheckCommon(output, full, inputs);
    }

    /// <summary>Throws <see cref="OutputRefusedException"/> when <paramref name="output"/> may not be used as an output folder.</summary>
    public static void CheckFolder(string output, IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(inputs);
        var full = Path.GetFullPath(output);
        if (FileIdentity.KindOf(full) is FileKind.Regular or FileKind.Special)
        {
            throw new OutputRefusedException($"{output}: is a file, not a folder");
        }
        CheckCommon(output, full, inputs);
    }

    private static void CheckParent(string output, string full)
    {
        for (var dir = Path.GetDirectoryName(full); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            switch (FileIdentity.KindOf(dir))
            {
                case FileKind.Directory:
                    return;
                case FileKind.Regular or FileKind.Special:
                    throw new OutputRefusedException($"{output}: {dir} is a file, not a folder");
            }
        }
    }

    private static void CheckCommon(string output, string full, IEnumerable<string> inputs)
    {
        var self = FileIdentity.IdentityOf(full);
        var ancestors = Ancestors(full).Select(FileIdentity.IdentityOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var identity = FileIdentity.IdentityOf(Path.GetFullPath(input));
            if (identity is null)
            {
                continue;
            }
            if (identity == self)
            {
                throw new OutputRefusedException($"{output}: is an input of this command ({input}); refusing to overwrite it");
            }
            if (ancestors.Contains(identity))
            {
                throw new OutputRefusedException($"{output}: is inside the input folder {input}; write it elsewhere");
            }
        }
        if (CuratedFolder() is { } data && FileIdentity.IdentityOf(data) is { } dataIdentity
            && (dataIdentity == self || ancestors.Contains(dataIdentity)))
        {
            throw new OutputRefusedException($"{output}: is in the curated data folder {data}, whose files are read-only inputs; write to results/ or elsewhere");
        }
    }

    private static IEnumerable<string> Ancestors(string full)
    {
        for (var dir = Path.GetDirectoryName(full); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            yield return dir;
        }
    }

    private static string? CuratedFolder() => ProjectPaths.TryFind()?.Data;
}
