using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Processing.Processors.Quantization;

namespace MscAlf.Export;

/// <summary>
/// Makes a chart's PNG small enough to travel inside a notebook: the same pixels brought to a palette of at most 256
/// colours (Wu's quantizer, no dithering) and compressed at the highest level. Plotly charts are flat colours with
/// anti-aliased edges, so they look the same and weigh about a quarter (measured on lesson 02's eight charts: 481 KB
/// of truecolour PNG became 118 KB). The result depends only on the input bytes.
/// </summary>
public static class PngPalette
{
    private static readonly PngEncoder Encoder = new()
    {
        ColorType = PngColorType.Palette,
        BitDepth = PngBitDepth.Bit8,
        CompressionLevel = PngCompressionLevel.BestCompression,
        Quantizer = new WuQuantizer(new QuantizerOptions { MaxColors = 256, Dither = null }),
    };

    /// <summary>The palette PNG of <paramref name="png"/>; throws <see cref="InvalidImageContentException"/> when it is not an image.</summary>
    public static byte[] Reduce(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        using var image = Image.Load(png);
        using var reduced = new MemoryStream();
        image.SaveAsPng(reduced, Encoder);
        return reduced.ToArray();
    }
}
