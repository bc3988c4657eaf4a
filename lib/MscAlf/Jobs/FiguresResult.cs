using System.Globalization;
using MscAlf.Text;

namespace MscAlf.Jobs;

/// <summary>What the figures job wrote.</summary>
/// <param name="OutputDirectory">The folder written.</param>
/// <param name="Figures">Each figure with its files, in publication order.</param>
/// <param name="Written">Every file written (figures, shared assets, manifest, gallery), full paths.</param>
/// <param name="Elapsed">How long the job took.</param>
public sealed record FiguresResult(string OutputDirectory, IReadOnlyList<FigureFiles> Figures, IReadOnlyList<string> Written, TimeSpan Elapsed)
{
    /// <summary>The gallery page.</summary>
    public string IndexPath => Path.Combine(OutputDirectory, FiguresJob.IndexName);

    /// <summary>The closing line: how many files, how long, and the page to open.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"Wrote {Written.Count} files in {Elapsed.TotalSeconds:0.0} s; open {SafeText.Escape(IndexPath)}");
}
