using System.Text.Json;

namespace MscAlf.Registry;

/// <summary>
/// Reads ClinicalTrials.gov API v2 study JSON: one study object, an array of them, a <c>/studies</c> page
/// (<c>{"studies": […], "nextPageToken": …}</c>), or a folder of such files. Types are checked: a field the API gives
/// as a string, a list or a number that holds another JSON type (<c>"briefTitle": 123</c>, <c>"phases": "PHASE2"</c>,
/// <c>"count": "120"</c>) is an error with the record and the field's path, never a silent blank. A missing field or
/// <c>null</c> is an unknown value.
/// </summary>
public static class ApiJsonReader
{
    private const string Expected = "a study object, an array of studies or a /studies page";

    /// <summary>Reads a file or folder into memory (any input <see cref="RegistryReader"/> takes).</summary>
    public static ReadResult ReadFile(string path) => ReadResult.From(RegistryReader.Read(path));

    /// <summary>Reads JSON text; <paramref name="label"/> names it in errors.</summary>
    public static ReadResult ReadJson(string json, string label)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ReadResult.From(Parse(System.Text.Encoding.UTF8.GetBytes(json), label));
    }

    /// <summary>Parses one JSON document (a study, an array or a page) into items, in order.</summary>
    public static IReadOnlyList<RegistryItem> Parse(ReadOnlyMemory<byte> json, string label)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            return [RegistryItem.Invalid(new RecordError(label, null, null, $"valid JSON ({Position(ex)}{FirstSentence(ex.Message)})"))];
        }
        using (document)
        {
            var root = document.RootElement;
            switch (root.ValueKind)
            {
                case JsonValueKind.Array:
                    return [.. root.EnumerateArray().Select((e, i) => Item(e, $"{label}#{i + 1}"))];
                case JsonValueKind.Object when root.TryGetProperty("studies", out var page):
                    return page.ValueKind == JsonValueKind.Array
                        ? [.. page.EnumerateArray().Select((e, i) => Item(e, $"{label}#{i + 1}"))]
                        : [RegistryItem.Invalid(new RecordError(label, "studies", Raw(page), "a list of studies"))];
                case JsonValueKind.Object:
                    return [Item(root, $"{label}#1")];
                default:
                    return [RegistryItem.Invalid(new RecordError(label, null, Raw(root), Expected))];
            }
        }
    }

    /// <summary>Reads one study object (an element of an array or page).</summary>
    public static RegistryItem Item(JsonElement study, string origin)
    {
        if (study.ValueKind != JsonValueKind.Object)
        {
            return RegistryItem.Invalid(new RecordError(origin, null, Raw(study), "a study object"));
        }
        var errors = new List<RecordError>();
        var result = new JsonStudy(origin, errors).Read(study);
        return errors.Count > 0 || result is null ? RegistryItem.Invalid(errors) : RegistryItem.Of(result);
    }

    internal static string Raw(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Undefined => "",
        JsonValueKind.Object => "{…}",
        JsonValueKind.Array => "[…]",
        _ => element.GetRawText(),
    };

    internal static string Position(JsonException ex) =>
        ex.LineNumber is { } line ? $"line {line + 1}, byte {ex.BytePositionInLine + 1}: " : "";

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>The typed reading of one study, collecting errors with the field's path.</summary>
    private sealed class JsonStudy(string origin, List<RecordError> errors)
    {
        public RegistryStudy? Read(JsonElement study)
        {
            var protocol = Object(study, "protocolSection", "");
            var identification = Object(protocol, "identificationModule", "protocolSection");
            const string idPath = "protocolSection.identificationModule";
            var nct = Text(identification, "nctId", idPath);
            if (!FieldText.IsNctId(nct))
            {
                if (errors.Count == 0)
                {
                    errors.Add(new RecordError(origin, $"{idPath}.nctId", nct, "an NCT number (NCT and eight digits)"));
                }
                return null;
            }
            const string s = "protocolSection.statusModule", d = "protocolSection.designModule";
            var status = Object(protocol, "statusModule", "protocolSection");
            var design = Object(protocol, "designModule", "protocolSection");
            var description = Object(protocol, "descriptionModule", "protocolSection");
            var enrollment = Object(design, "enrollmentInfo", d);
            var arms = Object(protocol, "armsInterventionsModule", "protocolSection");
            const string a = "protocolSection.armsInterventionsModule";
            var interventions = Objects(arms, "interventions", a);
            var names = interventions.Select(i => Join(Text(i.Element, "type", i.Path), Text(i.Element, "name", i.Path))).ToList();
            var interventionText = interventions.Zip(names).SelectMany(p => new[] { p.Second, Text(p.First.Element, "description", p.First.Path) }
                .Concat(Strings(p.First.Element, "otherNames", p.First.Path))).OfType<string>().ToList();
            var armText = Objects(arms, "armGroups", a).Select(g => Arm(Text(g.Element, "label", g.Path), Text(g.Element, "description", g.Path)))
                .OfType<string>().ToList();
            var locations = Objects(Object(protocol, "contactsLocationsModule", "protocolSection"), "locations", "protocolSection.contactsLocationsModule");
            var sponsor = Object(Object(protocol, "sponsorCollaboratorsModule", "protocolSection"), "leadSponsor", "protocolSection.sponsorCollaboratorsModule");
            return new RegistryStudy
            {
                NctId = nct!,
                Origin = origin,
                Title = Text(identification, "briefTitle", idPath),
                OfficialTitle = Text(identification, "officialTitle", idPath),
                Summary = Text(description, "briefSummary", "protocolSection.descriptionModule"),
                Description = Text(description, "detailedDescription", "protocolSection.descriptionModule"),
                Conditions = Strings(Object(protocol, "conditionsModule", "protocolSection"), "conditions", "protocolSection.conditionsModule"),
                Interventions = interventionText,
                InterventionNames = [.. names.OfType<string>()],
                Arms = armText,
                Phases = Strings(design, "phases", d),
                OverallStatus = Text(status, "overallStatus", s),
                LastKnownStatus = Text(status, "lastKnownStatus", s),
                StatusVerifiedDate = FieldText.Date(Text(status, "statusVerifiedDate", s), origin, $"{s}.statusVerifiedDate", errors),
                StudyType = Text(design, "studyType", d),
                Enrollment = Integer(enrollment, "count", "protocolSection.designModule.enrollmentInfo"),
                EnrollmentType = Text(enrollment, "type", "protocolSection.designModule.enrollmentInfo"),
                Countries = [.. locations.Select(l => Text(l.Element, "country", l.Path)).OfType<string>().Distinct()],
                StartDate = DateOf(status, "startDateStruct", s),
                FirstPosted = DateOf(status, "studyFirstPostDateStruct", s),
                LastUpdatePosted = DateOf(status, "lastUpdatePostDateStruct", s),
                Sponsor = Text(sponsor, "name", "protocolSection.sponsorCollaboratorsModule.leadSponsor"),
                DataVersion = Text(Object(Object(study, "derivedSection", ""), "miscInfoModule", "derivedSection"), "versionHolder", "derivedSection.miscInfoModule"),
            };
        }

        private Data.PartialDate? DateOf(JsonElement status, string name, string parent)
        {
            var path = $"{parent}.{name}.date";
            return FieldText.Date(Text(Object(status, name, parent), "date", $"{parent}.{name}"), origin, path, errors);
        }

        /// <summary>The dotted path of a field, built only when an error names it.</summary>
        private static string PathOf(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

        private static JsonElement? Property(JsonElement parent, string name) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

        private JsonElement Object(JsonElement parent, string name, string at)
        {
            if (Property(parent, name) is not { } value)
            {
                return default;
            }
            if (value.ValueKind == JsonValueKind.Object)
            {
                return value;
            }
            errors.Add(new RecordError(origin, PathOf(at, name), Raw(value), "an object"));
            return default;
        }

        private string? Text(JsonElement parent, string name, string at)
        {
            if (Property(parent, name) is not { } value)
            {
                return null;
            }
            if (value.ValueKind == JsonValueKind.String)
            {
                return FieldText.Clean(value.GetString());
            }
            errors.Add(new RecordError(origin, PathOf(at, name), Raw(value), "a string"));
            return null;
        }

        private int? Integer(JsonElement parent, string name, string at)
        {
            if (Property(parent, name) is not { } value)
            {
                return null;
            }
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= 0)
            {
                return n;
            }
            errors.Add(new RecordError(origin, PathOf(at, name), Raw(value), "a whole number (a JSON number, not a string)"));
            return null;
        }

        private List<string> Strings(JsonElement parent, string name, string at)
        {
            if (Property(parent, name) is not { } value)
            {
                return [];
            }
            if (value.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new RecordError(origin, PathOf(at, name), Raw(value), "a list of strings"));
                return [];
            }
            var items = new List<string>();
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    if (FieldText.Clean(item.GetString()) is { } text)
                    {
                        items.Add(text);
                    }
                }
                else
                {
                    errors.Add(new RecordError(origin, $"{PathOf(at, name)}[{index}]", Raw(item), "a string"));
                }
                index++;
            }
            return items;
        }

        private List<(JsonElement Element, string Path)> Objects(JsonElement parent, string name, string at)
        {
            if (Property(parent, name) is not { } value)
            {
                return [];
            }
            if (value.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new RecordError(origin, PathOf(at, name), Raw(value), "a list of objects"));
                return [];
            }
            var items = new List<(JsonElement, string)>();
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    items.Add((item, $"{PathOf(at, name)}[{index}]"));
                }
                else
                {
                    errors.Add(new RecordError(origin, $"{PathOf(at, name)}[{index}]", Raw(item), "an object"));
                }
                index++;
            }
            return items;
        }

        private static string? Join(string? type, string? name) => name is null ? null : type is null ? name : $"{type}: {name}";

        private static string? Arm(string? label, string? description) =>
            label is null ? description : description is null ? label : $"{label}: {description}";
    }
}
