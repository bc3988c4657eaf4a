using MscAlf.Text;

namespace MscAlf.IO;

/// <summary>Writes files so that a reader never sees a half-written one: write a temporary file beside it, then rename.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="path"/> atomically. Throws <see cref="OutputLocationException"/>
    /// when <paramref name="path"/> is a folder or its parent is a file.
    /// </summary>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        CheckTarget(full);
        var directory = Path.GetDirectoryName(full)!;
        if (File.Exists(directory))
        {
            throw new OutputLocationException($"{SafeText.Escape(directory)}: is a file; cannot write {SafeText.Escape(Path.GetFileName(full))} inside it.");
        }
        Directory.CreateDirectory(directory);
        var temporary = full + $".{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes UTF-8 text (no BOM) to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, new System.Text.UTF8Encoding(false).GetBytes(text));

    private static void CheckTarget(string full)
    {
        if (Directory.Exists(full))
        {
            throw new OutputLocationException($"{SafeText.Escape(full)}: is a folder; give a file name.");
        }
    }
}
