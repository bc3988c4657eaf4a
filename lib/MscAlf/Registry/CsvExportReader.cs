using MscAlf.IO;

namespace MscAlf.Registry;

/// <summary>
/// Reads the ClinicalTrials.gov website's CSV download, record by record: the current export (since 2023:
/// <c>Study Title</c>, <c>Study Status</c>, API spellings such as <c>RECRUITING</c>) and the classic one
/// (<c>Title</c>, <c>Status</c>, <c>Sponsor/Collaborators</c>, display spellings such as <c>Recruiting</c> and dates
/// such as <c>March 15, 2019</c>). Columns are mapped by header name, so any subset in any order works; a header that
/// neither export has is an error naming it, so no column is lost silently. An empty cell is an unknown value. Only
/// the NCT number is required. Lists are <c>|</c>-separated; the country of a site is the last comma-separated part
/// of its location.
/// </summary>
public static class CsvExportReader
{
    /// <summary>The header the reader requires.</summary>
    public const string NctColumn = "NCT Number";

    /// <summary>Header names of both exports, mapped to the field they fill (null: known, not read).</summary>
    private static readonly Dictionary<string, string?> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        [NctColumn] = "nct", ["Study Title"] = "title", ["Title"] = "title", ["Brief Summary"] = "summary",
        ["Study Status"] = "status", ["Status"] = "status", ["Conditions"] = "conditions", ["Interventions"] = "interventions",
        ["Phases"] = "phases", ["Study Type"] = "type", ["Enrollment"] = "enrollment", ["Locations"] = "locations",
        ["Start Date"] = "start", ["First Posted"] = "first", ["Last Update Posted"] = "last", ["Sponsor"] = "sponsor",
        ["Sponsor/Collaborators"] = "sponsors",
        // Known columns the trial record does not use.
        ["Study URL"] = null, ["URL"] = null, ["Acronym"] = null, ["Study Results"] = null, ["Primary Outcome Measures"] = null,
        ["Secondary Outcome Measures"] = null, ["Other Outcome Measures"] = null, ["Outcome Measures"] = null,
        ["Collaborators"] = null, ["Sex"] = null, ["Gender"] = null, ["Age"] = null, ["Funder Type"] = null, ["Funded Bys"] = null,
        ["Study Design"] = null, ["Study Designs"] = null, ["Other IDs"] = null, ["Primary Completion Date"] = null,
        ["Completion Date"] = null, ["Results First Posted"] = null, ["Study Documents"] = null, ["Rank"] = null,
    };

    /// <summary>Reads one CSV export into memory.</summary>
    public static ReadResult ReadFile(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return ReadResult.From(Items(reader, Path.GetFileName(path)));
    }

    /// <summary>Reads CSV export text into memory; <paramref name="label"/> names it in errors.</summary>
    public static ReadResult Read(TextReader reader, string label) => ReadResult.From(Items(reader, label));

    /// <summary>Reads CSV export text record by record; <paramref name="label"/> names it in errors.</summary>
    public static IEnumerable<RegistryItem> Items(TextReader reader, string label) => Units(reader, label).SelectMany(u => u.Items());

    /// <summary>
    /// Cuts CSV export text into one unit per record: the calling thread splits the fields, and the thread that parses
    /// the unit checks and converts them (<see cref="Record"/>).
    /// </summary>
    internal static IEnumerable<ReadUnit> Units(TextReader reader, string label)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var tokenizer = new CsvTokenizer(reader);
        if (tokenizer.Read() is not { } first)
        {
            yield return ReadUnit.Ready(RegistryItem.Invalid(new RecordError($"{label}:1", null, null, "a header line; the file is empty")));
            yield break;
        }
        var header = first.Fields.Select(h => h.Trim()).ToArray();
        if (HeaderError(header, label) is { } headerError)
        {
            yield return ReadUnit.Ready(RegistryItem.Invalid(headerError));
            yield break;
        }
        var column = header.Select((name, index) => (name, index)).Where(c => Columns[c.name] is not null)
            .ToDictionary(c => Columns[c.name]!, c => c.index);
        while (tokenizer.Read() is { } record)
        {
            var origin = $"{label}:{record.Line}";
            if (record.BadField is { } bad)
            {
                yield return ReadUnit.Ready(RegistryItem.Invalid(new RecordError(origin, null, bad, "well-formed CSV quoting (a quote inside an unquoted cell, text after a closing quote, or an unclosed quote)")));
                continue;
            }
            if (record.Fields.Length != header.Length)
            {
                yield return ReadUnit.Ready(RegistryItem.Invalid(new RecordError(origin, null, null, $"{header.Length} fields as in the header; the record has {record.Fields.Length}")));
                continue;
            }
            var fields = record.Fields;
            yield return ReadUnit.Deferred(() => Record(fields, column, origin), 2 * fields.Sum(f => f.Length));
        }
    }

    private static RecordError? HeaderError(string[] header, string label)
    {
        for (var i = 0; i < header.Length; i++)
        {
            if (!Columns.ContainsKey(header[i]))
            {
                return new RecordError($"{label}:1", $"column {i + 1}", header[i],
                    "a column of the website's CSV export (current or classic); this header is from neither");
            }
        }
        var twice = header.GroupBy(Columns.GetValueOrDefault).FirstOrDefault(g => g.Key is not null && g.Count() > 1);
        if (twice is not null)
        {
            return new RecordError($"{label}:1", null, string.Join(", ", twice), "each field once; these columns say the same thing");
        }
        return header.Any(h => Columns[h] == "nct")
            ? null
            : new RecordError($"{label}:1", NctColumn, null, $"a '{NctColumn}' column; the header has {string.Join(", ", header)}");
    }

    private static RegistryItem Record(string[] record, Dictionary<string, int> column, string origin)
    {
        string? Get(string field) => column.TryGetValue(field, out var i) ? FieldText.Clean(record[i]) : null;
        var errors = new List<RecordError>();
        var nct = Get("nct");
        if (!FieldText.IsNctId(nct))
        {
            return RegistryItem.Invalid(new RecordError(origin, NctColumn, nct, "an NCT number (NCT and eight digits)"));
        }
        var interventions = FieldText.List(Get("interventions"));
        var study = new RegistryStudy
        {
            NctId = nct!,
            Origin = origin,
            Title = Get("title"),
            Summary = Get("summary"),
            Conditions = FieldText.List(Get("conditions")),
            Interventions = interventions,
            InterventionNames = interventions,
            Phases = FieldText.List(Get("phases")),
            OverallStatus = Get("status"),
            StudyType = Get("type"),
            Enrollment = FieldText.Integer(Get("enrollment"), origin, "Enrollment", errors),
            Countries = [.. FieldText.List(Get("locations")).Select(CountryOf).OfType<string>().Distinct()],
            StartDate = FieldText.Date(Get("start"), origin, "Start Date", errors),
            FirstPosted = FieldText.Date(Get("first"), origin, "First Posted", errors),
            LastUpdatePosted = FieldText.Date(Get("last"), origin, "Last Update Posted", errors),
            Sponsor = Get("sponsor") ?? (FieldText.List(Get("sponsors")) is [var first, ..] ? first : null),
        };
        return errors.Count == 0 ? RegistryItem.Of(study) : RegistryItem.Invalid(errors);
    }

    private static string? CountryOf(string location)
    {
        var comma = location.LastIndexOf(',');
        return FieldText.Clean(comma < 0 ? location : location[(comma + 1)..]);
    }
}
