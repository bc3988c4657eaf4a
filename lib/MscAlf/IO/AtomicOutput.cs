namespace MscAlf.IO;

/// <summary>
/// Streams an output into a temporary file beside it and renames it into place only when it is complete, so an
/// interrupted or failed command leaves the old file (or none), never a half-written one. The temporary file is
/// removed on failure.
/// </summary>
public static class AtomicOutput
{
    /// <summary>The temporary path used while <paramref name="path"/> is being written.</summary>
    public static string TemporaryPath(string path)
    {
        var full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Writes UTF-8 text (no BOM) to <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, temporary =>
        {
            using var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false), bufferSize: 1 << 16);
            write(writer);
        });
    }

    /// <summary>Lets <paramref name="write"/> create the file at the temporary path it is given, then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = TemporaryPath(full);
        try
        {
            write(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
