using System.Globalization;
using MscAlf.Codes;
using MscAlf.Concepts;
using MscAlf.Data;
using MscAlf.IO;

namespace MscAlf.Registry;

/// <summary>
/// The CSV that <c>import</c> writes: every column of <c>data/trials.csv</c>, then the derived columns (marked by
/// <c>curation = automatic</c>). It reads back with <see cref="Schema"/>, and <see cref="TrialFiles"/> reads either kind.
/// </summary>
public static class ImportedTrialsCsv
{
    /// <summary>The derived columns that follow the trials.csv columns.</summary>
    public static IReadOnlyList<ColumnSpec> DerivedColumns { get; } =
    [
        new("curation", ColumnType.Code, true, ["automatic"]),
        new("phase_group", ColumnType.Code, true, CodeSet<Phase>.Codes),
        new("status_group", ColumnType.Code, true, CodeSet<Status>.Codes),
        new("condition_category", ColumnType.Code, true, CodeSet<Condition>.Codes),
        new("cirrhosis_subtype", ColumnType.Code, false, CodeSet<CirrhosisSubtype>.Codes),
        new("condition_evidence", ColumnType.Text, false, []),
        new("enrollment_band", ColumnType.Code, true, CodeSet<Band>.Codes),
        new("country_codes", ColumnType.TextList, false, []) { Pattern = "^[A-Z]{3}$" },
    ];

    /// <summary>The schema of an import file.</summary>
    public static TableSchema Schema { get; } = new("imported trials", [.. Trial.Schema.Columns, .. DerivedColumns], ["nct_id"]);

    /// <summary>Writes the trials atomically, in the order given.</summary>
    /// <exception cref="ArgumentException">A trial has a cell a trials file cannot hold (see <see cref="Unwritable"/>); nothing is written.</exception>
    public static void Write(string path, IEnumerable<ImportedTrial> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        AtomicOutput.WriteText(path, writer =>
        {
            using var csv = SafeCsv.Writer(writer);
            csv.Header(Schema.Columns.Select(c => c.Name));
            foreach (var trial in trials)
            {
                var cells = Cells(trial).ToList();
                if (Unwritable(cells, trial.Trial.NctId) is [var first, ..])
                {
                    throw new ArgumentException($"{first}; nothing written", nameof(trials));
                }
                csv.Row(cells);
            }
        });
    }

    /// <summary>The cells of one trial in <c>trials.csv</c> column order (null for empty).</summary>
    public static IEnumerable<string?> TrialCells(Trial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        static string? List(IReadOnlyList<string> items) =>
            items.Any(i => i.Contains('|', StringComparison.Ordinal))
                ? throw new ArgumentException($"A list item contains the list separator '|': {items.First(i => i.Contains('|', StringComparison.Ordinal))}")
                : items.Count == 0 ? null : string.Join('|', items);
        return
        [
            trial.NctId, trial.Title, List(trial.Conditions), List(trial.Phases), trial.OverallStatus, trial.LastKnownStatus,
            trial.StatusVerifiedDate?.ToString(), trial.Status2021November, trial.StudyType,
            trial.Enrollment?.ToString(CultureInfo.InvariantCulture), Code(trial.EnrollmentType),
            CodeSet<MscSourceCode>.Code(trial.MscSource), trial.MscSourceEvidence, Code(trial.Administration), trial.AdministrationEvidence,
            List(trial.Countries), trial.StartDate?.ToString(), trial.FirstPosted?.ToString(), trial.LastUpdatePosted?.ToString(),
            trial.Sponsor, CodeSet<Scope>.Code(trial.Scope), trial.ScopeNote, trial.CurationNotes, List(trial.Snapshot), List(trial.Sources),
        ];
    }

    /// <summary>The cells of one imported trial in <see cref="Schema"/> column order (null for empty).</summary>
    public static IEnumerable<string?> Cells(ImportedTrial imported) =>
        TrialCells(imported.Trial).Concat(
        [
            "automatic", CodeSet<Phase>.Code(imported.Phase), CodeSet<Status>.Code(imported.Status),
            CodeSet<Condition>.Code(imported.Condition.Category), Code(imported.Condition.Subtype), imported.ConditionEvidence,
            CodeSet<Band>.Code(imported.Band), imported.CountryCodes.Count == 0 ? null : string.Join('|', imported.CountryCodes),
        ]);

    /// <summary>
    /// The cells of <paramref name="cells"/> (in <see cref="Schema"/> order) that a trials file cannot hold (control or
    /// invisible format characters, U+FFFD; the rule the readers apply), as errors naming the column: such a record is
    /// reported, never written into a file that would then fail to read back.
    /// </summary>
    public static IReadOnlyList<RecordError> Unwritable(IReadOnlyList<string?> cells, string origin)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var errors = new List<RecordError>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is { } value && CsvTable.TextProblem(value) is { } problem)
            {
                errors.Add(new RecordError(origin, Schema.Columns[i].Name, value, problem));
            }
        }
        return errors;
    }

    private static string? Code<T>(T? value)
        where T : struct, Enum => value is { } v ? CodeSet<T>.Code(v) : null;
}
