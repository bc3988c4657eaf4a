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
    /// <summary>One row per trial, one column per column of <c>trials.csv</c> (<see cref="TrialColumns"/>): the cell text, or the number of a whole-number column.</summary>
    public static DataFrame Trials(IEnumerable<Trial> trials)
    {
        var list = trials.ToList();
        return new DataFrame(TrialColumns.All.Select(c => c.Integer is { } number
            ? (DataFrameColumn)new Int32DataFrameColumn(c.Name, list.Select(number))
            : new StringDataFrameColumn(c.Name, list.Select(c.Cell))));
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
}
