namespace MscAlf.Data;

/// <summary>
/// One column of <c>trials.csv</c>, declared once (<see cref="TrialColumns"/>): its spec, how a trial's value is written
/// as cell text, and how a validated row's cell sets it. The schema, <see cref="Trial.FromRow"/>, the trials DataFrame
/// and the CSV that <c>import</c> writes all derive from these declarations.
/// </summary>
public sealed record TrialColumn
{
    /// <summary>Name, type, whether required, allowed values.</summary>
    public required ColumnSpec Spec { get; init; }

    /// <summary>
    /// The trial's value as cell text, null when empty: lists joined by <c>|</c>, codes in their data-file spelling,
    /// dates in ISO form at their own precision, whole numbers in invariant digits.
    /// </summary>
    public required Func<Trial, string?> Cell { get; init; }

    /// <summary>The trial with this column's value taken from a row that passed the schema.</summary>
    public required Func<Trial, CsvRow, Trial> Read { get; init; }

    /// <summary>The value of a whole-number column (null when unknown); null for every other column.</summary>
    public Func<Trial, int?>? Integer { get; init; }

    /// <summary>The column's name in the file.</summary>
    public string Name => Spec.Name;
}
