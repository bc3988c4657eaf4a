using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace MscAlf.Registry;

/// <summary>
/// Reads the ClinicalTrials.gov website's CSV download (the modern export). Columns are mapped by header name, so
/// any subset of the 30 columns in any order works; an empty cell is an unknown value. Only "NCT Number" is
/// required. Lists are <c>|</c>-separated; the country of a site is the last comma-separated part of its location.
/// </summary>
public static class CsvExportReader
{
    /// <summary>The header the reader requires.</summary>
    public const string NctColumn = "NCT Number";

    /// <summary>Reads one CSV export.</summary>
    public static ReadResult Read(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader, Path.GetFileName(path));
    }

    /// <summary>Reads CSV export text; <paramref name="label"/> names it in errors.</summary>
    public static ReadResult Read(TextReader reader, string label)
    {
        var errors = new List<RecordError>();
        var studies = new List<RegistryStudy>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => errors.Add(new RecordError($"{label}:{args.Context.Parser?.RawRow}", null, args.Field, "well-formed CSV quoting")),
            MissingFieldFound = null,
        };
        using var parser = new CsvParser(reader, config);
        if (!parser.Read())
        {
            return new ReadResult([], [new RecordError($"{label}:1", null, null, "a header line; the file is empty")]);
        }
        var header = (parser.Record ?? []).Select(h => h.TrimStart('\uFEFF').Trim()).ToArray();
        var column = header.Select((name, index) => (name, index)).GroupBy(c => c.name).ToDictionary(g => g.Key, g => g.First().index);
        if (!column.ContainsKey(NctColumn))
        {
            return new ReadResult([], [new RecordError($"{label}:1", NctColumn, null, $"a '{NctColumn}' column; the header has {string.Join(", ", header)}")]);
        }
        var previousEnd = parser.RawRow;
        while (parser.Read())
        {
            var origin = $"{label}:{previousEnd + 1}";
            previousEnd = parser.RawRow;
            var record = parser.Record ?? [];
            if (record.Length != header.Length)
            {
                errors.Add(new RecordError(origin, null, null, $"{header.Length} fields as in the header; the record has {record.Length}"));
                continue;
            }
            string? Get(string name) => column.TryGetValue(name, out var i) ? Fields.Clean(record[i]) : null;
            var before = errors.Count;
            var nct = Get(NctColumn);
            if (!Fields.IsNctId(nct))
            {
                errors.Add(new RecordError(origin, NctColumn, nct, "an NCT number (NCT and eight digits)"));
                continue;
            }
            var study = new RegistryStudy
            {
                NctId = nct!,
                Origin = origin,
                Title = Get("Study Title"),
                Summary = Get("Brief Summary"),
                Conditions = Fields.List(Get("Conditions")),
                Interventions = Fields.List(Get("Interventions")),
                Phases = Fields.List(Get("Phases")),
                Status = Get("Study Status"),
                StudyType = Get("Study Type"),
                Enrollment = Fields.Integer(Get("Enrollment"), origin, "Enrollment", errors),
                Countries = [.. Fields.List(Get("Locations")).Select(CountryOf).OfType<string>().Distinct()],
                StartDate = Fields.Date(Get("Start Date"), origin, "Start Date", errors),
                FirstPosted = Fields.Date(Get("First Posted"), origin, "First Posted", errors),
                LastUpdatePosted = Fields.Date(Get("Last Update Posted"), origin, "Last Update Posted", errors),
                Sponsor = Get("Sponsor"),
            };
            if (errors.Count == before)
            {
                studies.Add(study);
            }
        }
        return new ReadResult(studies, errors);
    }

    private static string? CountryOf(string location)
    {
        var comma = location.LastIndexOf(',');
        return Fields.Clean(comma < 0 ? location : location[(comma + 1)..]);
    }
}
