using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace MscAlf.IO;

/// <summary>
/// Reads a zip archive entry by entry without loading its directory: <see cref="System.IO.Compression.ZipArchive"/>
/// keeps every entry's metadata in memory (≈365 bytes an entry, ≈220 MB for the registry's ≈570k studies), so this
/// walks the central directory as a stream instead, and inflates one entry at a time, checking its CRC-32. Zip64
/// archives (over 65,535 entries or 4 GB) are read too. Stored and deflated entries are supported; encrypted ones are
/// reported.
/// </summary>
public sealed class ZipReader : IDisposable
{
    private readonly FileStream _directory;
    private readonly FileStream _data;
    private readonly long _entries;
    private readonly long _directoryOffset;

    /// <summary>Opens <paramref name="path"/>; throws <see cref="ZipFormatException"/> when it is not a zip archive.</summary>
    public ZipReader(string path)
    {
        _directory = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        _data = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            (_entries, _directoryOffset) = FindDirectory();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>How many entries the archive says it holds.</summary>
    public long Count => _entries;

    /// <summary>The entries, in the order of the central directory.</summary>
    public IEnumerable<ZipEntryInfo> Entries()
    {
        _directory.Position = _directoryOffset;
        var fixedPart = new byte[46];
        for (long i = 0; i < _entries; i++)
        {
            ReadExactly(_directory, fixedPart, $"central directory record {i + 1}");
            var span = fixedPart.AsSpan();
            if (BinaryPrimitives.ReadUInt32LittleEndian(span) != 0x02014b50)
            {
                throw new ZipFormatException($"central directory record {i + 1} is damaged (no signature)");
            }
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(span[8..]);
            var method = BinaryPrimitives.ReadUInt16LittleEndian(span[10..]);
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(span[16..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(span[20..]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(span[24..]);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(span[28..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(span[30..]);
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(span[32..]);
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(span[42..]);
            var variable = new byte[nameLength + extraLength + commentLength];
            ReadExactly(_directory, variable, $"central directory record {i + 1}");
            // Names are UTF-8 (flag 0x800) or, in old archives, CP437; registry names are ASCII either way.
            var name = System.Text.Encoding.UTF8.GetString(variable, 0, nameLength);
            ApplyZip64(variable.AsSpan(nameLength, extraLength), ref size, ref compressed, ref offset);
            yield return new ZipEntryInfo(name, method, flags, crc, compressed, size, offset);
        }
    }

    /// <summary>
    /// The uncompressed bytes of <paramref name="entry"/>; throws <see cref="ZipFormatException"/> when they cannot be
    /// read (damaged data, a CRC mismatch, encryption, an unknown method, or more than <paramref name="maxSize"/> bytes).
    /// </summary>
    public byte[] Read(ZipEntryInfo entry, long maxSize)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if ((entry.Flags & 1) != 0)
        {
            throw new ZipFormatException("the entry is encrypted");
        }
        if (entry.Method is not (0 or 8))
        {
            throw new ZipFormatException($"compression method {entry.Method} is not supported (stored or deflated only)");
        }
        if (entry.Size > maxSize || entry.CompressedSize > maxSize + 65536)
        {
            throw new ZipFormatException($"the entry is {entry.Size} bytes, over the limit of {maxSize}");
        }
        var header = new byte[30];
        _data.Position = entry.Offset;
        ReadExactly(_data, header, "the local header");
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != 0x04034b50)
        {
            throw new ZipFormatException("the local header is damaged (no signature)");
        }
        _data.Position = entry.Offset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        var stored = new byte[entry.CompressedSize];
        ReadExactly(_data, stored, "the entry's data");
        var bytes = entry.Method == 0 ? stored : Inflate(stored, entry.Size);
        if (bytes.Length != entry.Size)
        {
            throw new ZipFormatException($"the entry inflates to {bytes.Length} bytes, not the {entry.Size} its header gives");
        }
        if (Crc32.HashToUInt32(bytes) != entry.Crc)
        {
            throw new ZipFormatException("the entry's CRC-32 does not match its data (damaged)");
        }
        return bytes;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _directory.Dispose();
        _data.Dispose();
    }

    private static byte[] Inflate(byte[] stored, long size)
    {
        var output = new byte[size];
        try
        {
            using var inflater = new DeflateStream(new MemoryStream(stored), CompressionMode.Decompress);
            var read = 0;
            while (read < output.Length)
            {
                var n = inflater.Read(output, read, output.Length - read);
                if (n == 0)
                {
                    return output[..read];
                }
                read += n;
            }
            if (inflater.ReadByte() >= 0)
            {
                throw new ZipFormatException($"the entry inflates to more than the {size} bytes its header gives");
            }
            return output;
        }
        catch (InvalidDataException ex)
        {
            throw new ZipFormatException($"the entry's compressed data is damaged ({ex.Message})", ex);
        }
    }

    private (long Entries, long Offset) FindDirectory()
    {
        var length = _directory.Length;
        var tailLength = (int)Math.Min(length, 22 + 65535 + 20);
        if (tailLength < 22)
        {
            throw new ZipFormatException("not a zip archive (too short)");
        }
        var tail = new byte[tailLength];
        _directory.Position = length - tailLength;
        ReadExactly(_directory, tail, "the end of the archive");
        var at = -1;
        for (var i = tailLength - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == 0x06054b50)
            {
                at = i;
                break;
            }
        }
        if (at < 0)
        {
            throw new ZipFormatException("not a zip archive (no end-of-directory record)");
        }
        long entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at + 16));
        if ((entries == 0xFFFF || offset == 0xFFFFFFFF) && at >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at - 20)) == 0x07064b50)
        {
            var record = new byte[56];
            _directory.Position = (long)BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(at - 20 + 8));
            ReadExactly(_directory, record, "the zip64 end-of-directory record");
            if (BinaryPrimitives.ReadUInt32LittleEndian(record) != 0x06064b50)
            {
                throw new ZipFormatException("the zip64 end-of-directory record is damaged");
            }
            entries = (long)BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32));
            offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(48));
        }
        if (offset < 0 || offset > length)
        {
            throw new ZipFormatException("the central directory lies outside the file (truncated archive?)");
        }
        return (entries, offset);
    }

    private static void ApplyZip64(ReadOnlySpan<byte> extra, ref long size, ref long compressed, ref long offset)
    {
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (4 + length > extra.Length)
            {
                return;
            }
            if (id == 0x0001)
            {
                var data = extra.Slice(4, length);
                if (size == 0xFFFFFFFF && data.Length >= 8)
                {
                    size = (long)BinaryPrimitives.ReadUInt64LittleEndian(data);
                    data = data[8..];
                }
                if (compressed == 0xFFFFFFFF && data.Length >= 8)
                {
                    compressed = (long)BinaryPrimitives.ReadUInt64LittleEndian(data);
                    data = data[8..];
                }
                if (offset == 0xFFFFFFFF && data.Length >= 8)
                {
                    offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(data);
                }
                return;
            }
            extra = extra[(4 + length)..];
        }
    }

    private static void ReadExactly(Stream stream, byte[] buffer, string what)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException ex)
        {
            throw new ZipFormatException($"the archive ends inside {what} (truncated)", ex);
        }
    }
}
