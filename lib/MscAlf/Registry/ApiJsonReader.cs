using System.Text.Json;

namespace MscAlf.Registry;

/// <summary>
/// Reads ClinicalTrials.gov API v2 study JSON: one study object, an array of them, a <c>/studies</c> page
/// (<c>{"studies": […], "nextPageToken": …}</c>), or a folder of such files (read in name order).
/// </summary>
public static class ApiJsonReader
{
    /// <summary>Reads a file or every <c>.json</c> file of a folder.</summary>
    public static ReadResult Read(string path)
    {
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [path];
        var studies = new List<RegistryStudy>();
        var errors = new List<RecordError>();
        foreach (var file in files)
        {
            var result = Read(File.ReadAllText(file), Path.GetFileName(file));
            studies.AddRange(result.Studies);
            errors.AddRange(result.Errors);
        }
        return new ReadResult(studies, errors);
    }

    /// <summary>Reads JSON text; <paramref name="label"/> names it in errors.</summary>
    public static ReadResult Read(string json, string label)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return new ReadResult([], [new RecordError(label, null, null, $"valid JSON ({ex.Message})")]);
        }
        using (document)
        {
            var root = document.RootElement;
            var items = root.ValueKind switch
            {
                JsonValueKind.Array => root.EnumerateArray().ToList(),
                JsonValueKind.Object when root.TryGetProperty("studies", out var page) && page.ValueKind == JsonValueKind.Array => page.EnumerateArray().ToList(),
                JsonValueKind.Object => [root],
                _ => [],
            };
            if (items.Count == 0 && root.ValueKind != JsonValueKind.Array && !root.TryGetProperty("studies", out _))
            {
                return new ReadResult([], [new RecordError(label, null, null, "a study object, an array of studies or a /studies page")]);
            }
            var studies = new List<RegistryStudy>();
            var errors = new List<RecordError>();
            for (var i = 0; i < items.Count; i++)
            {
                var origin = $"{label}#{i + 1}";
                var before = errors.Count;
                var study = Study(items[i], origin, errors);
                if (study is not null && errors.Count == before)
                {
                    studies.Add(study);
                }
            }
            return new ReadResult(studies, errors);
        }
    }

    private static RegistryStudy? Study(JsonElement study, string origin, List<RecordError> errors)
    {
        var protocol = Get(study, "protocolSection");
        var nct = Text(protocol, "identificationModule", "nctId");
        if (!Fields.IsNctId(nct))
        {
            errors.Add(new RecordError(origin, "protocolSection.identificationModule.nctId", nct, "an NCT number (NCT and eight digits)"));
            return null;
        }
        var status = Get(protocol, "statusModule");
        var design = Get(protocol, "designModule");
        var interventions = Array(protocol, "armsInterventionsModule", "interventions").SelectMany(i => new[]
        {
            Join(Text(i, "type"), Text(i, "name")),
            Text(i, "description"),
        }.Concat(Strings(Get(i, "otherNames")))).OfType<string>().ToList();
        return new RegistryStudy
        {
            NctId = nct!,
            Origin = origin,
            Title = Text(protocol, "identificationModule", "briefTitle"),
            OfficialTitle = Text(protocol, "identificationModule", "officialTitle"),
            Summary = Text(protocol, "descriptionModule", "briefSummary"),
            Conditions = Strings(Get(Get(protocol, "conditionsModule"), "conditions")),
            Interventions = interventions,
            Phases = Strings(Get(design, "phases")),
            Status = Text(status, "overallStatus"),
            LastKnownStatus = Text(status, "lastKnownStatus"),
            StatusVerifiedDate = Fields.Date(Text(status, "statusVerifiedDate"), origin, "statusVerifiedDate", errors),
            StudyType = Text(design, "studyType"),
            Enrollment = Get(Get(design, "enrollmentInfo"), "count") is { ValueKind: JsonValueKind.Number } count && count.TryGetInt32(out var n) ? n : null,
            EnrollmentType = Text(design, "enrollmentInfo", "type"),
            Countries = [.. Array(protocol, "contactsLocationsModule", "locations").Select(l => Text(l, "country")).OfType<string>().Distinct()],
            StartDate = Fields.Date(Text(status, "startDateStruct", "date"), origin, "startDateStruct.date", errors),
            FirstPosted = Fields.Date(Text(status, "studyFirstPostDateStruct", "date"), origin, "studyFirstPostDateStruct.date", errors),
            LastUpdatePosted = Fields.Date(Text(status, "lastUpdatePostDateStruct", "date"), origin, "lastUpdatePostDateStruct.date", errors),
            Sponsor = Text(protocol, "sponsorCollaboratorsModule", "leadSponsor", "name"),
            DataVersion = Text(study, "derivedSection", "miscInfoModule", "versionHolder"),
        };
    }

    private static JsonElement Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static string? Text(JsonElement element, params string[] path)
    {
        var node = path.Aggregate(element, Get);
        return node.ValueKind == JsonValueKind.String ? Fields.Clean(node.GetString()) : null;
    }

    private static List<JsonElement> Array(JsonElement element, params string[] path)
    {
        var node = path.Aggregate(element, Get);
        return node.ValueKind == JsonValueKind.Array ? node.EnumerateArray().ToList() : [];
    }

    private static List<string> Strings(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => Fields.Clean(e.GetString())).OfType<string>()]
            : [];

    private static string? Join(string? type, string? name) => name is null ? null : type is null ? name : $"{type}: {name}";
}
