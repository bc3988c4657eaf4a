using System.Text.Json;
using MscAlf.IO;

namespace MscAlf.Registry;

/// <summary>
/// Reads every input the registry offers, as a stream: the bulk download (a zip of one API v2 study JSON per entry,
/// read entry by entry and never unpacked to disk), a folder (its <c>.json</c>, <c>.csv</c> and <c>.zip</c> files,
/// recursively, in name order), a <c>/studies</c> page, a study object, a JSON array of studies (streamed element by
/// element), and the website's CSV export. Memory does not grow with the input: one unit is held at a time. A file,
/// entry or record that cannot be read becomes an error item with its name; nothing is dropped silently. Files a
/// folder holds that are none of these kinds, and zip entries that are not JSON, are named on
/// <see cref="Ignored"/>.
/// </summary>
public static class RegistryReader
{
    /// <summary>The largest study JSON taken from a zip entry or a single file (a study is rarely over 1 MB).</summary>
    public const long MaxDocumentBytes = 64L << 20;

    /// <summary>Reads <paramref name="path"/> item by item, parsing on the calling thread.</summary>
    public static IEnumerable<RegistryItem> Read(string path, Action<string>? ignored = null) =>
        Units(path, ignored).SelectMany(u => u.Items());

    /// <summary>Cuts <paramref name="path"/> into units; <paramref name="ignored"/> hears of every file or entry not read.</summary>
    public static IEnumerable<ReadUnit> Units(string path, Action<string>? ignored = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ignored ??= _ => { };
        return FileIdentity.KindOf(path) switch
        {
            FileKind.Directory => Folder(path, path, ignored),
            FileKind.Regular => File(path, Path.GetFileName(path), ignored),
            FileKind.Special => [ReadUnit.Ready(RegistryItem.Invalid(new RecordError(path, null, null, "a regular file or a folder (this is a device, pipe or socket)")))],
            _ => [ReadUnit.Ready(RegistryItem.Invalid(new RecordError(path, null, null, "an existing file or folder")))],
        };
    }

    /// <summary>The message for a file or entry that is not read.</summary>
    public static string Ignored(string label) => $"ignored {label}: not a .json, .csv or .zip registry file";

    private static IEnumerable<ReadUnit> Folder(string root, string folder, Action<string> ignored)
    {
        string[] entries;
        try
        {
            entries = [.. Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [ReadUnit.Ready(RegistryItem.Invalid(new RecordError(folder, null, null, $"a readable folder ({ex.Message})")))];
        }
        return entries.SelectMany(entry =>
        {
            var label = Path.GetRelativePath(root, entry);
            return FileIdentity.KindOf(entry) switch
            {
                FileKind.Directory => Folder(root, entry, ignored),
                FileKind.Regular when Kind(entry) is not null => File(entry, label, ignored),
                _ => Ignore(label, ignored),
            };
        });
    }

    private static IEnumerable<ReadUnit> Ignore(string label, Action<string> ignored)
    {
        ignored(Ignored(label));
        return [];
    }

    private static string? Kind(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => "json",
        ".csv" => "csv",
        ".zip" => "zip",
        _ => null,
    };

    private static IEnumerable<ReadUnit> File(string path, string label, Action<string> ignored) => Kind(path) switch
    {
        "csv" => Csv(path, label),
        "zip" => Zip(path, label, ignored),
        _ => Json(path, label),
    };

    private static IEnumerable<ReadUnit> Csv(string path, string label)
    {
        StreamReader reader;
        try
        {
            reader = new StreamReader(path, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [ReadUnit.Ready(RegistryItem.Invalid(new RecordError(label, null, null, $"a readable file ({ex.Message})")))];
        }
        return CsvUnits(reader, label);
    }

    private static IEnumerable<ReadUnit> CsvUnits(StreamReader reader, string label)
    {
        using (reader)
        {
            foreach (var unit in Guard<System.Text.DecoderFallbackException>(CsvExportReader.Units(reader, label),
                ex => Invalid(label, $"UTF-8 text (byte {ex.Index} of a line is not UTF-8; save the export as UTF-8); the rest of the file was not read")))
            {
                yield return unit;
            }
        }
    }

    /// <summary>Passes <paramref name="source"/> on; when it throws, ends with the error as one more unit.</summary>
    private static IEnumerable<ReadUnit> Guard<TException>(IEnumerable<ReadUnit> source, Func<TException, ReadUnit> error)
        where TException : Exception
    {
        using var units = source.GetEnumerator();
        while (true)
        {
            ReadUnit? unit = null;
            var end = false;
            try
            {
                if (units.MoveNext())
                {
                    unit = units.Current;
                }
                else
                {
                    end = true;
                }
            }
            catch (TException ex)
            {
                unit = error(ex);
                end = true;
            }
            if (unit is not null)
            {
                yield return unit;
            }
            if (end)
            {
                yield break;
            }
        }
    }

    private static ReadUnit Invalid(string origin, string expected) =>
        ReadUnit.Ready(RegistryItem.Invalid(new RecordError(origin, null, null, expected)));

    private static IEnumerable<ReadUnit> Json(string path, string label)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [ReadUnit.Ready(RegistryItem.Invalid(new RecordError(label, null, null, $"a readable file ({ex.Message})")))];
        }
        if (FirstByte(stream) == '[')
        {
            return JsonArray(stream, label);
        }
        using (stream)
        {
            if (stream.Length > MaxDocumentBytes)
            {
                return [ReadUnit.Ready(RegistryItem.Invalid(new RecordError(label, null, null,
                    $"a study, page or array; a single JSON object over {MaxDocumentBytes >> 20} MB is not a registry file")))];
            }
            stream.Position = 0;
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return [ReadUnit.Json(label, bytes)];
        }
    }

    private static int FirstByte(Stream stream)
    {
        int b;
        do
        {
            b = stream.ReadByte();
        }
        while (b is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF);
        return b;
    }

    private static readonly JsonSerializerOptions ArrayOptions = new() { MaxDepth = 64 };

    private static IEnumerable<ReadUnit> JsonArray(FileStream stream, string label)
    {
        using (stream)
        {
            stream.Position = 0;
            var index = 0;
            var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, ArrayOptions).ToBlockingEnumerable()
                .Select(element => ReadUnit.Element($"{label}#{++index}", element));
            foreach (var unit in Guard<JsonException>(elements, ex => Invalid($"{label}#{index + 1}",
                $"valid JSON ({ApiJsonReader.Position(ex)}the array breaks off here; the rest of the file was not read)")))
            {
                yield return unit;
            }
        }
    }

    private static IEnumerable<ReadUnit> Zip(string path, string label, Action<string> ignored)
    {
        ZipReader zip;
        try
        {
            zip = new ZipReader(path);
        }
        catch (Exception ex) when (ex is ZipFormatException or IOException or UnauthorizedAccessException)
        {
            return [ReadUnit.Ready(RegistryItem.Invalid(new RecordError(label, null, null, $"a readable zip archive ({ex.Message})")))];
        }
        return ZipUnits(zip, label, ignored);
    }

    private static IEnumerable<ReadUnit> ZipUnits(ZipReader zip, string label, Action<string> ignored)
    {
        using (zip)
        {
            var units = zip.Entries().Select(entry => Entry(zip, entry, label, ignored)).OfType<ReadUnit>();
            foreach (var unit in Guard<ZipFormatException>(units, ex => Invalid(label, $"a readable zip archive ({ex.Message}); the rest was not read")))
            {
                yield return unit;
            }
        }
    }

    private static ReadUnit? Entry(ZipReader zip, ZipEntryInfo entry, string label, Action<string> ignored)
    {
        var name = $"{label}!{entry.Name}";
        if (entry.Name.EndsWith('/'))
        {
            return null; // a folder entry holds nothing
        }
        if (!entry.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            ignored($"ignored {name}: not a .json study file");
            return null;
        }
        try
        {
            return ReadUnit.Json(name, zip.Read(entry, MaxDocumentBytes));
        }
        catch (ZipFormatException ex)
        {
            return ReadUnit.Ready(RegistryItem.Invalid(new RecordError(name, null, null, $"a readable zip entry ({ex.Message})")));
        }
        catch (IOException ex)
        {
            return ReadUnit.Ready(RegistryItem.Invalid(new RecordError(name, null, null, $"a readable zip entry ({ex.Message})")));
        }
    }
}
