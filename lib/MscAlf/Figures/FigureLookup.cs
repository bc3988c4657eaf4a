namespace MscAlf.Figures;

/// <summary>Finding a figure by its stable name.</summary>
public static class FigureLookup
{
    /// <summary>
    /// The figure called <paramref name="name"/> (e.g. <c>preclinical-outcomes-by-source</c>); throws, listing the
    /// names there are, when none is.
    /// </summary>
    public static Figure Named(this IEnumerable<Figure> figures, string name)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(name);
        var list = figures.ToList();
        return list.FirstOrDefault(f => f.Name == name)
            ?? throw new KeyNotFoundException($"No figure is named '{name}'; the figures are: {string.Join(", ", list.Select(f => f.Name))}.");
    }
}
