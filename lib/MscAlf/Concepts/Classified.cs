namespace MscAlf.Concepts;

/// <summary>A value with the text that decided it (null when nothing matched and the rule fell through).</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Evidence">The registry text the rule matched, verbatim.</param>
public sealed record Classified<T>(T Value, string? Evidence);
