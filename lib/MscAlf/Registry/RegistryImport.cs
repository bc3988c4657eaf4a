using System.Text.RegularExpressions;
using MscAlf.Codes;
using MscAlf.Concepts;
using MscAlf.Data;

namespace MscAlf.Registry;

/// <summary>
/// Turns registry records into the project's trial records: registry spellings become the classic display text of
/// <c>trials.csv</c>; MSC source, administration and scope, which a curator fills by hand in <c>data/</c>, come from
/// the classifiers and are marked automatic. An unknown status, phase, study type or enrollment type is an error
/// with the record's position, never a silent blank.
/// </summary>
public static partial class RegistryImport
{
    // The display texts all come from RegistryValues, the one list of registry spellings; these maps only index them
    // the way the registry's other spellings (API codes, other cases) are recognised. Statuses and phases index arrays by
    // their value rather than a Dictionary keyed by the enum, which the runtime would have to compile for every import
    // (ReadyToRun cannot precompile framework generics over our enums; measured: docs/performance.md).
    private static readonly string?[] StatusText = ByValue(
        RegistryValues.Statuses.Where(s => TrialStatus.Classify(s).Value != Status.ExpandedAccess),
        s => (int)TrialStatus.Classify(s).Value, CodeSet<Status>.Values.Count);

    /// <summary>The expanded-access statuses by their API spelling (<c>NO_LONGER_AVAILABLE</c>), in any case.</summary>
    private static readonly Dictionary<string, string> ExpandedAccessText = RegistryValues.Statuses
        .Where(s => TrialStatus.Classify(s).Value == Status.ExpandedAccess)
        .ToDictionary(s => s.Replace(' ', '_'), StringComparer.OrdinalIgnoreCase);

    private static readonly string?[] PhaseTexts = ByValue(
        RegistryValues.Phases, p => (int)TrialPhase.Classify([p], "INTERVENTIONAL").Value, CodeSet<Phase>.Values.Count);

    private static readonly Dictionary<string, string> StudyTypeTexts = RegistryValues.StudyTypes
        .ToDictionary(t => CodeKey.Of(t, digits: false), StringComparer.Ordinal);

    /// <summary>The texts at the (enum) value each classifies to; two texts with one value are a bug in RegistryValues.</summary>
    private static string?[] ByValue(IEnumerable<string> texts, Func<string, int> valueOf, int count)
    {
        var byValue = new string?[count];
        foreach (var text in texts)
        {
            var value = valueOf(text);
            byValue[value] = byValue[value] is null ? text : throw new InvalidOperationException($"'{byValue[value]}' and '{text}' have one value");
        }
        return byValue;
    }

    /// <summary>Imports one record; returns the errors instead when a value is outside the registry's value sets.</summary>
    /// <param name="study">The record.</param>
    /// <param name="products">The MSC product list the MSC source classifier reads (default: the library's own).</param>
    public static (ImportedTrial? Trial, IReadOnlyList<RecordError> Errors) Import(RegistryStudy study, MscProductList? products = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        var errors = new List<RecordError>();
        var status = StatusOf(study.OverallStatus, study.Origin, "status", errors);
        var lastKnown = StatusOf(study.LastKnownStatus, study.Origin, "lastKnownStatus", errors);
        var phases = study.Phases.Select(p => PhaseText(p, study.Origin, errors)).OfType<string>().ToList();
        var studyType = StudyTypeText(study.StudyType, study.Origin, errors);
        var enrollmentType = EnrollmentTypeOf(study.EnrollmentType, study.Origin, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var text = TextOf(study);
        var separatorNote = new[] { study.Conditions, study.Countries }.Any(l => l.Any(i => i.Contains('|', StringComparison.Ordinal)))
            ? "; a '|' inside a condition or country was written as '/' (the list separator)" : "";
        var source = MscSource.Classify(text, products);
        var condition = ConditionCategory.Classify(text);
        var (administration, administrationEvidence) = AdministrationOf(text);
        var (scope, scopeNote) = ScopeOf(condition.Value, source.Value, study.FirstPosted);
        var trial = new Trial
        {
            NctId = study.NctId, Title = study.Title, Conditions = [.. study.Conditions.Select(NoSeparator)], Phases = phases,
            OverallStatus = status, LastKnownStatus = lastKnown, StatusVerifiedDate = study.StatusVerifiedDate,
            StudyType = studyType, Enrollment = study.Enrollment, EnrollmentType = enrollmentType,
            MscSource = source.Value, MscSourceEvidence = source.Evidence,
            Administration = administration, AdministrationEvidence = administrationEvidence,
            Countries = [.. study.Countries.Select(NoSeparator)], StartDate = study.StartDate, FirstPosted = study.FirstPosted,
            LastUpdatePosted = study.LastUpdatePosted, Sponsor = study.Sponsor, Scope = scope, ScopeNote = scopeNote,
            CurationNotes = $"automatic: imported from {study.Origin}; msc_source, administration and scope come from the classifiers, not a curator{separatorNote}",
            Snapshot = study.DataVersion is { } version ? [version] : [],
            Sources = [$"registry export {study.Origin}", $"https://clinicaltrials.gov/study/{study.NctId}"],
        };
        var codes = study.Countries.Select(c => Country.Classify(c).Value?.Alpha3).OfType<string>().Distinct().ToList();
        return (new ImportedTrial(trial, TrialConcepts.Phase(trial), TrialStatus.Classify(status).Value, condition.Value,
            condition.Evidence, TrialConcepts.Band(trial), codes), []);
    }

    /// <summary>
    /// One record per NCT id, as <c>import</c> keeps them (<see cref="RegistryImporter"/>): the newest last update
    /// posted (compared as the ISO text the import stores; a record without one loses), then the last read. The result
    /// is in order of first appearance of each NCT id.
    /// </summary>
    public static IReadOnlyList<Trial> LatestPerTrial(IEnumerable<Trial> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var kept = new Dictionary<string, Trial>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var trial in trials)
        {
            if (!kept.TryGetValue(trial.NctId, out var earlier))
            {
                order.Add(trial.NctId);
                kept[trial.NctId] = trial;
            }
            else if (string.CompareOrdinal(trial.LastUpdatePosted?.ToString(), earlier.LastUpdatePosted?.ToString()) >= 0)
            {
                kept[trial.NctId] = trial;
            }
        }
        return [.. order.Select(id => kept[id])];
    }

    /// <summary>The text fields of a record that the classifiers read.</summary>
    public static StudyText TextOf(RegistryStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return new StudyText
        {
            Title = study.Title, OfficialTitle = study.OfficialTitle, Summary = study.Summary, Description = study.Description,
            Conditions = study.Conditions, Interventions = study.Interventions, Arms = study.Arms, StudyType = study.StudyType,
        };
    }

    private static string NoSeparator(string item) => item.Replace('|', '/');

    /// <summary>
    /// The automatic scope: not a liver condition or no MSCs named → out of scope; otherwise in scope when first
    /// posted before the review's cut-off, registered after it when later. Every value says so in its note.
    /// </summary>
    public static (Scope Scope, string Note) ScopeOf(ConditionClass condition, MscSourceCode source, PartialDate? firstPosted)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (condition.Category == Condition.NotLiver)
        {
            return (Scope.OutOfScope, "automatic: no liver condition named");
        }
        if (source == MscSourceCode.NotApplicable)
        {
            return (Scope.OutOfScope, "automatic: no MSCs named");
        }
        return firstPosted is { } posted && posted >= Population.Cutoff
            ? (Scope.RegisteredAfterCutoff, "automatic: liver condition and MSCs; first posted after 2021-11-30")
            : (Scope.InScope, "automatic: liver condition and MSCs");
    }

    private static string? StatusOf(string? raw, string origin, string field, List<RecordError> errors)
    {
        if (raw is null)
        {
            return null;
        }
        if (ExpandedAccessText.TryGetValue(raw.Replace(' ', '_'), out var expanded))
        {
            return expanded;
        }
        if (StatusText[(int)TrialStatus.Classify(raw).Value] is { } text)
        {
            return text;
        }
        errors.Add(new RecordError(origin, field, raw, "a registry status (e.g. RECRUITING, COMPLETED, UNKNOWN)"));
        return null;
    }

    private static string? PhaseText(string raw, string origin, List<RecordError> errors)
    {
        var text = PhaseTexts[(int)TrialPhase.Classify([raw], "INTERVENTIONAL").Value];
        if (text is null)
        {
            errors.Add(new RecordError(origin, "phases", raw, "a registry phase (EARLY_PHASE1, PHASE1 … PHASE4, NA)"));
        }
        return text;
    }

    private static string? StudyTypeText(string? raw, string origin, List<RecordError> errors)
    {
        if (raw is null)
        {
            return null;
        }
        // The classic export writes expanded access with its kind: "Expanded Access:Individual Patients".
        var kind = raw.Split(':', 2)[0];
        var text = StudyTypeTexts.GetValueOrDefault(CodeKey.Of(kind, digits: false));
        if (text is null)
        {
            errors.Add(new RecordError(origin, "studyType", raw, "INTERVENTIONAL, OBSERVATIONAL or EXPANDED_ACCESS"));
        }
        return text;
    }

    private static EnrollmentType? EnrollmentTypeOf(string? raw, string origin, List<RecordError> errors)
    {
        switch (raw?.ToUpperInvariant())
        {
            case null:
                return null;
            case "ACTUAL":
                return EnrollmentType.Actual;
            case "ESTIMATED":
                return EnrollmentType.Estimated;
            case "ANTICIPATED":
                return EnrollmentType.Anticipated;
            default:
                errors.Add(new RecordError(origin, "enrollmentInfo.type", raw, "ACTUAL or ESTIMATED"));
                return null;
        }
    }

    /// <summary>Autologous or allogeneic when the interventions and titles say exactly one of them; otherwise unknown.</summary>
    private static (Administration?, string?) AdministrationOf(StudyText text)
    {
        var fields = text.Interventions.Concat(text.Titles).ToList();
        var auto = fields.Select(f => (f, m: Autologous().Match(f))).FirstOrDefault(x => x.m.Success);
        var allo = fields.Select(f => (f, m: Allogeneic().Match(f))).FirstOrDefault(x => x.m.Success);
        return (auto.m?.Success ?? false, allo.m?.Success ?? false) switch
        {
            (true, false) => (Administration.Autologous, StudyText.Snippet(auto.f, auto.m!.Index, auto.m.Length)),
            (false, true) => (Administration.Allogeneic, StudyText.Snippet(allo.f, allo.m!.Index, allo.m.Length)),
            _ => (null, null),
        };
    }

    [GeneratedRegex(@"\bautologous\b|\bautograft", RegexOptions.IgnoreCase)]
    private static partial Regex Autologous();

    [GeneratedRegex(@"\ballogen(?:e)?ic\b", RegexOptions.IgnoreCase)]
    private static partial Regex Allogeneic();
}
