namespace MscAlf.Concepts;

/// <summary>One category of a concept as figures and tallies show it: code, display label and colour.</summary>
/// <param name="Code">The snake_case code (or, for countries, the ISO alpha-3 code).</param>
/// <param name="Label">The display label.</param>
/// <param name="Color">The colour every figure uses for this category (CSS hex).</param>
public sealed record Category(string Code, string Label, string Color);
