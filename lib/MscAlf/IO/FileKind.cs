namespace MscAlf.IO;

/// <summary>What a path is, following symbolic links.</summary>
public enum FileKind
{
    /// <summary>Nothing there.</summary>
    Missing,
    /// <summary>A regular file.</summary>
    Regular,
    /// <summary>A folder.</summary>
    Directory,
    /// <summary>Anything else: a device, a pipe, a socket.</summary>
    Special,
}
