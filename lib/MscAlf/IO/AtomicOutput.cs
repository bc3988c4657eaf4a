using MscAlf.Text;

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

    /// <summary>
    /// Checks, before a long job, that <paramref name="path"/> can be written the way <see cref="Write"/> writes it,
    /// changing nothing: a file can be created (and is removed at once) in its folder or, when the folder is missing, in
    /// the nearest folder above it that exists, where the missing ones would be created. With <paramref name="inPlace"/>,
    /// an existing file is also opened for writing, unchanged, for a job that updates it where it is. Throws
    /// <see cref="OutputLocationException"/> naming the folder or file and the cause.
    /// </summary>
    public static void CheckWritable(string path, bool inPlace = false)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var existing = folder;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            existing = parent;
        }
        var probe = Path.Combine(existing, $".mscalf-probe.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var what = existing == folder
                ? "cannot create a file in this folder"
                : $"cannot create this folder, because nothing can be created in {SafeText.Escape(existing)}";
            throw new OutputLocationException($"{SafeText.Escape(folder)}: {what} ({Cause(ex, probe, "a new file")})", ex);
        }
        if (inPlace && File.Exists(full))
        {
            try
            {
                using (new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
                {
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new OutputLocationException($"{SafeText.Escape(full)}: cannot be written ({Cause(ex, full, "the file")})", ex);
            }
        }
    }

    /// <summary>The cause of a file-system error as one safe line, the path of <paramref name="file"/> replaced by <paramref name="called"/>.</summary>
    private static string Cause(Exception error, string file, string called) => error is UnauthorizedAccessException
        ? "permission denied"
        : Located.Message(error.Message.Replace(file, called, StringComparison.Ordinal).Split('\n')[0]);

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
        var folder = Path.GetDirectoryName(full)!;
        var created = CreateFolder(folder);
        var temporary = TemporaryPath(full);
        var written = false;
        try
        {
            write(temporary);
            File.Move(temporary, full, overwrite: true);
            written = true;
        }
        finally
        {
            File.Delete(temporary);
            if (!written)
            {
                RemoveCreated(folder, created); // a failed write leaves no empty folders behind either
            }
        }
    }

    /// <summary>Creates <paramref name="folder"/> and returns the highest folder this created, or null when it existed.</summary>
    private static string? CreateFolder(string folder)
    {
        string? top = null;
        for (var f = folder; f is not null && !Directory.Exists(f); f = Path.GetDirectoryName(f))
        {
            top = f;
        }
        Directory.CreateDirectory(folder);
        return top;
    }

    /// <summary>Removes the folders from <paramref name="folder"/> up to <paramref name="top"/> while they are empty.</summary>
    private static void RemoveCreated(string folder, string? top)
    {
        for (var f = folder; top is not null && f is not null; f = Path.GetDirectoryName(f))
        {
            try
            {
                Directory.Delete(f); // refuses a folder that is not empty
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return;
            }
            if (f == top)
            {
                return;
            }
        }
    }
}
