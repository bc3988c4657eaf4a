using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using MscAlf.IO;
using MscAlf.Text;

namespace MscAlf.Data;

/// <summary>
/// Reads a data file against its <see cref="TableSchema"/>. CsvHelper tokenises (quotes, a UTF-8 BOM,
/// CRLF or LF); every header, record and cell is then checked and every problem is reported with its
/// file, line, column and value. Nothing is skipped or coerced silently.
/// </summary>
public static class CsvTable
{
    /// <summary>
    /// Reads <paramref name="path"/>, which must be UTF-8 (a BOM is allowed) and at most <paramref name="maxBytes"/> long;
    /// returns the rows and the errors found (rows with errors are left out). Bytes that are not UTF-8 are errors located by line and character, never
    /// replaced silently; a file that cannot be read is one error naming it.
    /// </summary>
    public static (IReadOnlyList<CsvRow> Rows, IReadOnlyList<DataError> Errors) Read(string path, TableSchema schema, long maxBytes = MaxFileBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        switch (FileIdentity.KindOf(path))
        {
            case FileKind.Directory:
                return ([], [new DataError(path, 0, null, null, "a file; this is a folder")]);
            case FileKind.Special:
                // A pipe would wait for a writer for ever and a device may never end: neither is a data file.
                return ([], [new DataError(path, 0, null, null, "a regular file; this is a device, pipe or socket")]);
        }
        byte[]? bytes;
        try
        {
            bytes = ReadAtMost(path, maxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ([], [new DataError(path, 0, null, null, $"a readable file; {ex.Message}")]);
        }
        if (bytes is null)
        {
            return ([], [new DataError(path, 0, null, null, $"a data file of at most {maxBytes / (1024 * 1024)} MB; this one is larger (or endless, like a device)")]);
        }
        var decoded = Utf8Text.Decode(bytes);
        if (decoded.ForeignBom is { } bom)
        {
            return ([], [new DataError(path, 1, null, null, $"UTF-8 text; the file starts with a {bom} byte-order mark (save it as UTF-8)")]);
        }
        return Read(new StringReader(decoded.Text), path, schema, decoded.Invalid);
    }

    /// <summary>The largest file <see cref="Read(string, TableSchema, long)"/> reads by default (1 GB): a bigger one, or an endless one such as /dev/zero, is an error.</summary>
    public const long MaxFileBytes = 1L << 30;

    /// <summary>The largest curated data file (64 MB; the real ones are a few hundred kB).</summary>
    public const long MaxCuratedFileBytes = 64L << 20;

    private static byte[]? ReadAtMost(string path, long limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        for (int read; (read = stream.Read(chunk)) > 0;)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>; <paramref name="fileLabel"/> names it in errors.</summary>
    public static (IReadOnlyList<CsvRow> Rows, IReadOnlyList<DataError> Errors) Read(
        TextReader reader, string fileLabel, TableSchema schema) =>
        Read(reader, fileLabel, schema, new Dictionary<int, InvalidByte>());

    private static (IReadOnlyList<CsvRow> Rows, IReadOnlyList<DataError> Errors) Read(
        TextReader reader, string fileLabel, TableSchema schema, IReadOnlyDictionary<int, InvalidByte> invalid)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var errors = new List<DataError>();
        var badData = new List<(int Line, string Field)>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => badData.Add((args.Context.Parser?.RawRow ?? 0, args.Field)),
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = false,
        };
        using var parser = new CsvParser(reader, config);
        if (!parser.Read())
        {
            errors.Add(new DataError(fileLabel, 1, null, null, "a header line; the file is empty"));
            return ([], errors);
        }
        var header = parser.Record ?? [];
        if (header.Length > 0)
        {
            header[0] = header[0].TrimStart('\uFEFF'); // a BOM the reader did not consume (a string, say)
        }
        var columns = CheckHeader(fileLabel, header, schema, errors);
        var rows = new List<CsvRow>();
        var keyed = new List<CsvRow>(); // every well-formed record, valid or not, for the uniqueness check
        var previousEnd = parser.RawRow;
        while (parser.Read())
        {
            var line = previousEnd + 1;
            previousEnd = parser.RawRow;
            var record = parser.Record ?? [];
            if (record.Length == 1 && record[0].Length == 0)
            {
                errors.Add(new DataError(fileLabel, line, null, null, "a record; the line is blank"));
                continue;
            }
            if (record.Length != header.Length)
            {
                errors.Add(new DataError(fileLabel, line, null, null,
                    $"{header.Length} fields as in the header; the record has {record.Length}"));
                continue;
            }
            if (columns is null)
            {
                continue;
            }
            var before = errors.Count;
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (spec, index) in columns)
            {
                cells[spec.Name] = record[index];
                CheckCell(fileLabel, line, spec, record[index], errors, InvalidIn(invalid, line, previousEnd));
            }
            keyed.Add(new CsvRow(line, cells));
            if (errors.Count == before)
            {
                rows.Add(keyed[^1]);
            }
        }
        errors.AddRange(badData.Select(b =>
            new DataError(fileLabel, b.Line, null, b.Field, "well-formed CSV quoting (a quote inside an unquoted field?)")));
        errors.AddRange(CheckKeys(fileLabel, keyed, schema));
        // Bytes that are not UTF-8 are reported even where no cell check saw them (a header, a malformed record).
        var reported = errors.Where(e => e.Expected.StartsWith(NotUtf8, StringComparison.Ordinal)).Select(e => e.Line).ToHashSet();
        errors.AddRange(invalid.Where(i => !reported.Contains(i.Key)).Select(i => new DataError(fileLabel, i.Key, null, null, $"{NotUtf8}; {i.Value.Describe()}")));
        return (rows, [.. errors.OrderBy(e => e.Line)]);
    }

    private static List<(ColumnSpec Spec, int Index)>? CheckHeader(
        string file, string[] header, TableSchema schema, List<DataError> errors)
    {
        var before = errors.Count;
        var duplicates = header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1);
        errors.AddRange(duplicates.Select(g => new DataError(file, 1, g.Key, null, "each column once; it appears twice")));
        var known = schema.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(header.Where(h => !known.Contains(h)).Select(h =>
            new DataError(file, 1, h, null, $"only the columns of {schema.FileName} ({string.Join(", ", known)}); this one is unknown")));
        errors.AddRange(schema.Columns.Where(c => !header.Contains(c.Name)).Select(c =>
            new DataError(file, 1, c.Name, null, "this column in the header; it is missing")));
        return errors.Count > before
            ? null
            : [.. schema.Columns.Select(c => (c, Array.IndexOf(header, c.Name)))];
    }

    private const string NotUtf8 = "UTF-8 text";

    /// <summary>The first byte that is not UTF-8 on the lines of a record (<paramref name="first"/> to <paramref name="last"/>).</summary>
    private static InvalidByte? InvalidIn(IReadOnlyDictionary<int, InvalidByte> invalid, int first, int last)
    {
        if (invalid.Count == 0)
        {
            return null;
        }
        for (var line = first; line <= last; line++)
        {
            if (invalid.TryGetValue(line, out var bad))
            {
                return bad;
            }
        }
        return null;
    }

    /// <summary>
    /// Why <paramref name="value"/> cannot be a cell of a data file, or null when it can: it holds U+FFFD (text already
    /// damaged by a wrong decoding) or a control or invisible format character (line breaks excepted). Writers check
    /// with this what the readers will refuse.
    /// </summary>
    public static string? TextProblem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.AsSpan().ContainsAny(Suspicious))
        {
            return null; // the common case, in one vectorised pass
        }
        if (value.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return $"{NotUtf8} without U+FFFD, the mark of text already damaged by a wrong decoding";
        }
        return IndexOfControl(value) is var at and >= 0
            ? $"text without control or invisible format characters; character {at + 1} is {CodePoint(value, at)}"
            : null;
    }

    /// <summary>Every character that may make a value unfit (a superset: line breaks and paired surrogates are fine).</summary>
    private static readonly System.Buffers.SearchValues<char> Suspicious = System.Buffers.SearchValues.Create(string.Concat(
        Range('\u0000', '\u001F'), Range('\u007F', '\u009F'), "\u061C", Range('\u200B', '\u200F'), Range('\u2028', '\u202E'),
        "\u2060", Range('\u2066', '\u2069'), "\uFEFF\uFFFD", Range('\uD800', '\uDFFF')));

    private static string Range(char first, char last) => new([.. Enumerable.Range(first, last - first + 1).Select(c => (char)c)]);

    private static void CheckCell(string file, int line, ColumnSpec spec, string value, List<DataError> errors, InvalidByte? invalid)
    {
        if (TextProblem(value) is { } problem)
        {
            var undecodable = invalid is { } bad && value.Contains('\uFFFD', StringComparison.Ordinal);
            errors.Add(new DataError(file, line, spec.Name, value, undecodable ? $"{NotUtf8}; {invalid!.Describe()}" : problem));
            return;
        }
        if (value.Length == 0)
        {
            if (spec.Required)
            {
                errors.Add(new DataError(file, line, spec.Name, value, "a value; this column is required"));
            }
            return;
        }
        if (value.Trim() != value)
        {
            errors.Add(new DataError(file, line, spec.Name, value, "no leading or trailing spaces"));
            return;
        }
        var isList = spec.Type is ColumnType.TextList or ColumnType.CodeList or ColumnType.IntegerList;
        var items = isList ? value.Split(ColumnSpec.ListSeparator) : [value];
        foreach (var item in items)
        {
            if (CheckValue(spec, item, isList) is { } expected)
            {
                errors.Add(new DataError(file, line, spec.Name, item, expected));
            }
        }
    }

    private static string? CheckValue(ColumnSpec spec, string item, bool isListItem)
    {
        if (isListItem && (item.Length == 0 || item.Trim() != item))
        {
            return $"'{ColumnSpec.ListSeparator}'-separated items with no empty item and no spaces around one";
        }
        return spec.Type switch
        {
            ColumnType.Integer or ColumnType.IntegerList when
                !int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out _) =>
                "a whole number (digits only, 0 or more)",
            ColumnType.Date when !PartialDate.TryParse(item, out _) =>
                "an ISO date YYYY, YYYY-MM or YYYY-MM-DD that exists",
            _ when spec.Pattern is not null && !Regex.IsMatch(item, spec.Pattern, RegexOptions.CultureInvariant) =>
                $"a value matching {spec.Pattern}",
            ColumnType.Code or ColumnType.CodeList when !spec.Allowed.Contains(item, StringComparer.Ordinal) =>
                $"one of: {string.Join(", ", spec.Allowed)}",
            _ => null,
        };
    }

    /// <summary>
    /// The first character of <paramref name="value"/> that a data cell must not hold (see <see cref="SafeText.IsUnsafe(string, int)"/>),
    /// or -1. Line breaks (LF, CR LF) inside a quoted cell are ordinary CSV and allowed; a lone CR, a TAB, ESC, NUL, a
    /// bidi override and the like are not.
    /// </summary>
    private static int IndexOfControl(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var lineBreak = value[i] == '\n' || value[i] == '\r' && i + 1 < value.Length && value[i + 1] == '\n';
            if (!lineBreak && SafeText.IsUnsafe(value, i))
            {
                return i;
            }
        }
        return -1;
    }

    private static string CodePoint(string text, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"U+{(int)text[index]:X4}");

    private static IEnumerable<DataError> CheckKeys(string file, List<CsvRow> rows, TableSchema schema)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = string.Join(", ", schema.Key.Select(k => row.Cells[k]));
            if (!seen.TryAdd(key, row.Line))
            {
                yield return new DataError(file, row.Line, string.Join("+", schema.Key), key,
                    $"a unique {string.Join("+", schema.Key)}; line {seen[key]} has it already");
            }
        }
    }
}
