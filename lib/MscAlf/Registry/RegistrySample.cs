using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MscAlf.IO;

namespace MscAlf.Registry;

/// <summary>
/// Registry-shaped samples built from real study records: a zip laid out like the registry's bulk download (one API v2
/// study JSON per entry, <c>NCT0123xxxx/NCT01234567.json</c>). Used by notebook 06 and by the benchmark generator. The
/// same records and count always give the same bytes.
/// </summary>
public static partial class RegistrySample
{
    /// <summary>The raw JSON of every study object in the <c>.json</c> files under <paramref name="folder"/> (objects,
    /// arrays and <c>/studies</c> pages), files in name order.</summary>
    public static IReadOnlyList<string> Studies(string folder)
    {
        var studies = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray()
                : root.TryGetProperty("studies", out var page) ? page.EnumerateArray()
                : default;
            studies.AddRange(root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("studies", out _)
                ? [root.GetRawText()]
                : items.Select(e => e.GetRawText()));
        }
        return studies;
    }

    /// <summary>
    /// Writes <paramref name="studies"/> as a bulk-download zip at <paramref name="path"/> (atomically). With
    /// <paramref name="count"/>, writes that many studies, cycling through the records and giving each a new NCT id
    /// (NCT10000000, NCT10000001, …); without, each record once under its own id.
    /// </summary>
    public static void WriteBulkZip(IReadOnlyList<string> studies, string path, int? count = null)
    {
        ArgumentNullException.ThrowIfNull(studies);
        if (studies.Count == 0)
        {
            throw new ArgumentException("No studies to write.", nameof(studies));
        }
        AtomicOutput.Write(path, temporary =>
        {
            using var stream = File.Create(temporary);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
            var total = count ?? studies.Count;
            for (var i = 0; i < total; i++)
            {
                var record = studies[i % studies.Count];
                var own = NctId().Match(record).Value;
                var id = count is null ? own : NewId(i);
                var entry = zip.CreateEntry($"{id[..7]}xxxx/{id}.json", CompressionLevel.Fastest);
                entry.LastWriteTime = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
                using var entryStream = entry.Open();
                entryStream.Write(Encoding.UTF8.GetBytes(count is null ? record : record.Replace(own, id, StringComparison.Ordinal)));
            }
        });
    }

    /// <summary>The <paramref name="index"/>-th renumbered NCT id.</summary>
    public static string NewId(int index) => "NCT" + (10_000_000 + index).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>Gives a CSV record (or any record text) the NCT id <paramref name="id"/> in place of its own (the first one found).</summary>
    public static string Renumber(string record, string id)
    {
        ArgumentNullException.ThrowIfNull(record);
        var own = NctId().Match(record).Value;
        return own.Length == 0 ? record : record.Replace(own, id, StringComparison.Ordinal);
    }

    [GeneratedRegex("NCT[0-9]{8}")]
    private static partial Regex NctId();
}
