namespace MscAlf.Concepts;

/// <summary>The project's colours: one qualitative palette, and grey for unknown.</summary>
public static class Palette
{
    /// <summary>Grey, for unknown and not-applicable categories.</summary>
    public const string Unknown = "#9E9E9E";

    /// <summary>A colour-blind-safe qualitative palette (Okabe–Ito first, then further distinct hues).</summary>
    public static IReadOnlyList<string> Qualitative { get; } =
    [
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
        "#8C564B", "#17BECF", "#BCBD22", "#6A3D9A", "#B15928", "#1B9E77",
    ];

    /// <summary>The <paramref name="index"/>-th palette colour (wrapping round).</summary>
    public static string At(int index) => Qualitative[index % Qualitative.Count];
}
