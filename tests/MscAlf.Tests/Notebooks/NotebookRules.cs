using System.Buffers.Binary;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MscAlf.Notebooks;

namespace MscAlf.Tests.Notebooks;

/// <summary>
/// The rules committed notebooks keep, as functions that list what breaks them, so the tests can show on small
/// made-up notebooks that each rule fails when it should, and then hold every committed notebook to it.
/// </summary>
/// <remarks>
/// The comparison rule: a notebook is compared with its fresh execution (and the kernel's outputs with the runner's)
/// exactly, byte for byte, EXCEPT the payload of each <c>image/png</c> and the same picture inside the chart's
/// <c>text/html</c> (a <c>data:image/png</c> URL), which are replaced by a fixed mark on both sides
/// (<see cref="MaskImages"/>). PNG bytes come from Chromium and may differ between machines and browser builds (fonts,
/// anti-aliasing, the encoder), so they cannot be pinned; instead every chart output must carry a PNG that is valid and
/// drawn at the notebook column's width and the figure's height (<see cref="ImageProblems"/>).
/// </remarks>
internal static partial class NotebookRules
{
    /// <summary>What an image/png payload becomes when notebooks are compared.</summary>
    public const string MaskedImage = "(image/png payload: checked on its own, not compared)";

    /// <summary>The largest committed notebook allowed.</summary>
    public const long MaxBytes = 1_000_000;

    /// <summary>The outputs that show a chart (those carrying plotly's figure JSON).</summary>
    public static IEnumerable<JsonObject> ChartOutputs(Notebook notebook) =>
        notebook.Cells.SelectMany(c => c.Outputs).Where(o => o["data"]?[ChartBundle.PlotlyMimeType] is JsonObject);

    /// <summary>The notebook JSON with every image/png payload, and every PNG data URL in HTML, replaced by <see cref="MaskedImage"/>.</summary>
    public static string MaskImages(string notebookJson)
    {
        var notebook = Notebook.Parse(notebookJson);
        foreach (var data in notebook.Cells.SelectMany(c => c.Outputs).Select(o => o["data"]).OfType<JsonObject>())
        {
            if (data.ContainsKey("image/png"))
            {
                data["image/png"] = MaskedImage;
            }
            if (data["text/html"] is { } html)
            {
                data["text/html"] = PngDataUrl().Replace(Notebook.Text(html), "data:image/png;base64," + MaskedImage);
            }
        }
        return notebook.ToJson();
    }

    /// <summary>Every chart output lacking a PNG, or whose PNG is not valid or not at the column width and the figure's height.</summary>
    public static List<string> ImageProblems(Notebook notebook)
    {
        var problems = new List<string>();
        foreach (var (output, index) in ChartOutputs(notebook).Select((o, i) => (o, i + 1)))
        {
            var data = output["data"]!.AsObject();
            if (data["image/png"] is not { } node)
            {
                problems.Add($"chart output {index} has no image/png");
                continue;
            }
            byte[] png;
            try
            {
                png = Convert.FromBase64String(Notebook.Text(node).Trim());
            }
            catch (FormatException)
            {
                problems.Add($"chart output {index}: image/png is not base64");
                continue;
            }
            if (PngSize(png) is not var (width, height))
            {
                problems.Add($"chart output {index}: image/png is not a PNG");
                continue;
            }
            if (PngDataUrl().Match(Notebook.Text(data["text/html"])) is not { Success: true } picture
                || picture.Groups[1].Value != Notebook.Text(node).Trim())
            {
                problems.Add($"chart output {index}: its text/html does not show the same PNG as its image/png");
            }
            var expectedHeight = (int?)data[ChartBundle.PlotlyMimeType]!["layout"]?["height"] ?? ChartBundle.DefaultHeight;
            if (width != ChartBundle.ColumnWidth || height != expectedHeight)
            {
                problems.Add($"chart output {index}: image is {width}×{height}, expected {ChartBundle.ColumnWidth}×{expectedHeight}");
            }
        }
        return problems;
    }

    /// <summary>The width and height of a PNG (from its IHDR chunk), or null when the bytes are not a PNG.</summary>
    public static (int Width, int Height)? PngSize(byte[] png)
    {
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(signature) || !png.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>The cells that name a build output folder (<c>bin/</c>), which breaks in another configuration or machine.</summary>
    public static List<string> BuildPaths(Notebook notebook) =>
        [.. notebook.Cells.Where(c => BuildFolder().IsMatch(c.Source)).Select(c => $"cell {c.Id}: {BuildFolder().Match(c.Source).Value.Trim()}")];

    [GeneratedRegex("data:image/png;base64,([A-Za-z0-9+/=]+)")]
    private static partial Regex PngDataUrl();

    [GeneratedRegex(@"(^|[^A-Za-z0-9_.-])bin[/\\]", RegexOptions.Multiline)]
    private static partial Regex BuildFolder();
}
