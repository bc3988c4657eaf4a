namespace MscAlf.IO;

/// <summary>One entry of the central directory.</summary>
/// <param name="Name">The entry's path inside the archive.</param>
/// <param name="Method">The compression method (0 stored, 8 deflated).</param>
/// <param name="Flags">The general-purpose flags.</param>
/// <param name="Crc">The CRC-32 of the uncompressed data.</param>
/// <param name="CompressedSize">Bytes stored.</param>
/// <param name="Size">Bytes once uncompressed.</param>
/// <param name="Offset">Where its local header starts.</param>
public sealed record ZipEntryInfo(string Name, int Method, int Flags, uint Crc, long CompressedSize, long Size, long Offset);
