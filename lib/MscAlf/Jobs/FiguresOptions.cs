using MscAlf.Concepts;
using MscAlf.Export;

namespace MscAlf.Jobs;

/// <summary>What the figures job (<see cref="FiguresJob"/>) reads and writes.</summary>
public sealed record FiguresOptions
{
    /// <summary>The formats the job knows.</summary>
    public static IReadOnlyList<string> KnownFormats { get; } = ["html", "png", "svg"];

    /// <summary>The data folder to read (<see cref="FiguresJob.Run"/> loads it; <see cref="FiguresJob.Export"/> takes a loaded dataset).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The folder to write into (created when missing).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Any of html, png, svg (PNG and SVG need Chromium).</summary>
    public IReadOnlyList<string> Formats { get; init; } = KnownFormats;

    /// <summary>Which status panel B shows.</summary>
    public StatusSnapshot Snapshot { get; init; } = StatusSnapshot.Registry2022October;

    /// <summary>True for single-file HTML pages (plotly.js inline in each); false for pages that share one copy.</summary>
    public bool Standalone { get; init; }

    /// <summary>Where the shared plotly.js copy goes (default: <c>assets</c> in the output folder).</summary>
    public string? SharedAssetsDirectory { get; init; }

    /// <summary>What the manifest names as its writer (the command line says which verb).</summary>
    public string Generator { get; init; } = "MscAlf figures job";

    /// <summary>The folder of the shared plotly.js copy.</summary>
    public string AssetsDirectory => Path.GetFullPath(SharedAssetsDirectory ?? Path.Combine(OutputDirectory, "assets"));

    /// <summary>How the figure pages load plotly.js.</summary>
    public PageAssets PageAssets => Standalone
        ? PageAssets.Inline
        : PageAssets.Shared(Path.GetRelativePath(Path.GetFullPath(OutputDirectory), AssetsDirectory).Replace('\\', '/'));
}
