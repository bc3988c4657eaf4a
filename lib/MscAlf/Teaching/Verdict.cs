namespace MscAlf.Teaching;

/// <summary>The grade of one answer.</summary>
/// <param name="Exercise">The exercise's id (<c>02-1</c>: notebook 02, exercise 1).</param>
/// <param name="Passed">True when correct, false when not, null when nothing was answered yet.</param>
/// <param name="Message">What a learner reads.</param>
public sealed record Verdict(string Exercise, bool? Passed, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
