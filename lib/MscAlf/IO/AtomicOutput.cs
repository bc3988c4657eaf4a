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
    /// Checks, before a long job, that <paramref name="path"/> can be written the way <see cref="Write"/> writes it: its
    /// folder is created when missing and a temporary file can be created there (it is removed at once). With
    /// <paramref name="inPlace"/>, an existing file is also opened for writing, unchanged, for a job that updates it where it
    /// is. Throws <see cref="OutputLocationException"/> naming the folder or file and the cause.
    /// </summary>
    public static void CheckWritable(string path, bool inPlace = false)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var temporary = TemporaryPath(full);
        try
        {
            Directory.CreateDirectory(folder);
            using (new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var what = Directory.Exists(folder) ? "cannot create a file in this folder" : "cannot create this folder";
            throw new OutputLocationException($"{SafeText.Escape(folder)}: {what} ({ex.Message})", ex);
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
                throw new OutputLocationException($"{SafeText.Escape(full)}: cannot be written ({ex.Message})", ex);
            }
        }
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
