using System.Globalization;
using MscAlf.Jobs;
using MscAlf.Text;

namespace MscAlf.Notebooks.Jobs;

/// <summary>What the build job did.</summary>
/// <param name="Notebooks">The notebooks run; a failing cell stops the build there.</param>
/// <param name="Figures">The figures written, or null when the notebooks failed.</param>
/// <param name="SiteIndex">The site's index page, or null when the notebooks failed.</param>
/// <param name="Elapsed">How long the build took.</param>
public sealed record BuildResult(NotebooksResult Notebooks, FiguresResult? Figures, string? SiteIndex, TimeSpan Elapsed)
{
    /// <summary>Where the build stopped, or null when it finished.</summary>
    public NotebookFailure? Failure => Notebooks.Failure;

    /// <summary>The closing line: how long, and the page to open.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"Built in {Elapsed.TotalSeconds:0.0} s: open {SafeText.Escape(SiteIndex ?? "")}");
}
