using Microsoft.Data.Analysis;
using MscAlf.Codes;

namespace MscAlf.Data;

/// <summary>
/// Builds DataFrames from the typed records, column by column, so that types are exact: whole numbers are
/// <see cref="Int32DataFrameColumn"/> with nulls for unknown (never float), codes and text are strings,
/// dates are ISO strings at their own precision and lists are <c>|</c>-joined strings.
/// </summary>
public static class Frames
{
    /// <summary>One row per trial, one column per column of <c>trials.csv</c>.</summary>
    public static DataFrame Trials(IEnumerable<Trial> trials)
    {
        var list = trials.ToList();
        return new DataFrame(
            Text("nct_id", list, t => t.NctId),
            Text("title", list, t => t.Title),
            Text("conditions", list, t => Join(t.Conditions)),
            Text("phases", list, t => Join(t.Phases)),
            Text("overall_status", list, t => t.OverallStatus),
            Text("last_known_status", list, t => t.LastKnownStatus),
            Text("status_verified_date", list, t => t.StatusVerifiedDate?.ToString()),
            Text("status_2021_11", list, t => t.Status2021November),
            Text("study_type", list, t => t.StudyType),
            Integer("enrollment", list, t => t.Enrollment),
            Text("enrollment_type", list, t => Code(t.EnrollmentType)),
            Text("msc_source", list, t => CodeSet<MscSourceCode>.Code(t.MscSource)),
            Text("msc_source_evidence", list, t => t.MscSourceEvidence),
            Text("administration", list, t => Code(t.Administration)),
            Text("administration_evidence", list, t => t.AdministrationEvidence),
            Text("countries", list, t => Join(t.Countries)),
            Text("start_date", list, t => t.StartDate?.ToString()),
            Text("first_posted", list, t => t.FirstPosted?.ToString()),
            Text("last_update_posted", list, t => t.LastUpdatePosted?.ToString()),
            Text("sponsor", list, t => t.Sponsor),
            Text("scope", list, t => CodeSet<Scope>.Code(t.Scope)),
            Text("scope_note", list, t => t.ScopeNote),
            Text("curation_notes", list, t => t.CurationNotes),
            Text("snapshot", list, t => Join(t.Snapshot)),
            Text("sources", list, t => Join(t.Sources)));
    }

    /// <summary>One row per preclinical study.</summary>
    public static DataFrame Preclinical(IEnumerable<PreclinicalStudy> studies)
    {
        var list = studies.ToList();
        return new DataFrame(
            Integer("table", list, s => s.Table),
            Integer("row", list, s => s.Row),
            Text("source_as_printed", list, s => s.SourceAsPrinted),
            Text("msc_source", list, s => CodeSet<MscSourceCode>.Code(s.MscSource)),
            Text("model_species", list, s => s.ModelSpecies),
            Text("intervention_as_printed", list, s => s.InterventionAsPrinted),
            Text("intervention_kind", list, s => CodeSet<InterventionKind>.Code(s.InterventionKind)),
            Text("result", list, s => s.Result),
            Text("reference", list, s => string.Join('|', s.References)));
    }

    /// <summary>One row per human study.</summary>
    public static DataFrame HumanStudies(IEnumerable<HumanStudy> studies)
    {
        var list = studies.ToList();
        return new DataFrame(
            Integer("table", list, s => s.Table),
            Integer("row", list, s => s.Row),
            Text("condition_as_printed", list, s => s.ConditionAsPrinted),
            Text("administration", list, s => CodeSet<Administration>.Code(s.Administration)),
            Text("source_as_printed", list, s => s.SourceAsPrinted),
            Text("msc_source", list, s => CodeSet<MscSourceCode>.Code(s.MscSource)),
            Integer("participants", list, s => s.Participants),
            Text("result", list, s => s.Result),
            Text("reference", list, s => string.Join('|', s.References)));
    }

    private static StringDataFrameColumn Text<T>(string name, List<T> rows, Func<T, string?> value) =>
        new(name, rows.Select(value));

    private static Int32DataFrameColumn Integer<T>(string name, List<T> rows, Func<T, int?> value) =>
        new(name, rows.Select(value));

    private static string? Join(IReadOnlyList<string> items) => items.Count == 0 ? null : string.Join('|', items);

    private static string? Code<T>(T? value)
        where T : struct, Enum => value is { } v ? CodeSet<T>.Code(v) : null;
}
