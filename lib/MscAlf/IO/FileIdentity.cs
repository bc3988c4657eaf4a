using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace MscAlf.IO;

/// <summary>
/// The kind of a path and the file it stands for (device and inode on Linux, so a symbolic or hard link to a file
/// is the same file). .NET does not tell a device or a pipe from a regular file, so on Linux this asks the kernel
/// (<c>statx</c>, whose layout is the same on every architecture); elsewhere it falls back to .NET's view and the
/// full path.
/// </summary>
public static partial class FileIdentity
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;

    /// <summary>The kind of <paramref name="path"/>, links followed.</summary>
    public static FileKind KindOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Stat(path) is { } stat)
        {
            return (stat.Mode & 0xF000) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                _ => FileKind.Special,
            };
        }
        return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>An identity of the file at <paramref name="path"/> (null when nothing is there).</summary>
    public static string? IdentityOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Stat(path) is { } stat)
        {
            return $"{stat.DeviceMajor}:{stat.DeviceMinor}:{stat.Inode}";
        }
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return null;
        }
        var full = Path.GetFullPath(path);
        var target = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        return OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? target.ToUpperInvariant() : target;
    }

    private static (uint Mode, ulong Inode, uint DeviceMajor, uint DeviceMinor)? Stat(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        var buffer = new byte[StatxSize];
        try
        {
            if (StatX(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
            {
                return null; // missing, or not reachable: .NET's view decides
            }
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
        var span = buffer.AsSpan();
        return (BinaryPrimitives.ReadUInt16LittleEndian(span[28..]), BinaryPrimitives.ReadUInt64LittleEndian(span[32..]),
            BinaryPrimitives.ReadUInt32LittleEndian(span[136..]), BinaryPrimitives.ReadUInt32LittleEndian(span[140..]));
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int StatX(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
