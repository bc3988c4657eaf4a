namespace MscAlf.Concepts;

/// <summary>
/// The free-text fields of a registry record that the text classifiers read. Any field may be missing;
/// a reader of a registry export fills what the export has.
/// </summary>
public sealed record StudyText
{
    /// <summary>The brief title.</summary>
    public string? Title { get; init; }
    /// <summary>The official title.</summary>
    public string? OfficialTitle { get; init; }
    /// <summary>The brief summary.</summary>
    public string? Summary { get; init; }
    /// <summary>The detailed description (full registry records): read last, and only for the tissue of MSCs named elsewhere.</summary>
    public string? Description { get; init; }
    /// <summary>The conditions, one per item.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];
    /// <summary>Intervention names, other names and descriptions, one per item.</summary>
    public IReadOnlyList<string> Interventions { get; init; } = [];
    /// <summary>Arm groups (label and description), one per item.</summary>
    public IReadOnlyList<string> Arms { get; init; } = [];

    /// <summary>The study type (INTERVENTIONAL, OBSERVATIONAL …), when known.</summary>
    public string? StudyType { get; init; }

    /// <summary>The two titles that are present.</summary>
    internal IEnumerable<string> Titles => new[] { Title, OfficialTitle }.OfType<string>();

    /// <summary>
    /// The same text with every field folded (<see cref="TextFold.Fold"/>) but the detailed description, which is long and
    /// rarely read: its reader folds it.
    /// </summary>
    internal StudyText Folded() => new()
    {
        Title = Title is null ? null : TextFold.Fold(Title),
        OfficialTitle = OfficialTitle is null ? null : TextFold.Fold(OfficialTitle),
        Summary = Summary is null ? null : TextFold.Fold(Summary),
        Description = Description,
        Conditions = [.. Conditions.Select(TextFold.Fold)],
        Interventions = [.. Interventions.Select(TextFold.Fold)],
        Arms = [.. Arms.Select(TextFold.Fold)],
        StudyType = StudyType,
    };

    internal static string Snippet(string text, int index, int length, int context = 40)
    {
        var start = Math.Max(0, index - context);
        var end = Math.Min(text.Length, index + length + context);
        return text[start..end].Trim();
    }
}
