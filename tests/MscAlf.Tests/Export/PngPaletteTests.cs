using MscAlf.Export;
using MscAlf.Tests.Notebooks;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MscAlf.Tests.Export;

public sealed class PngPaletteTests
{
    /// <summary>A truecolour PNG with a smooth gradient (thousands of colours) and a few flat bars, like a chart.</summary>
    private static byte[] Chart()
    {
        using var image = new Image<Rgba32>(320, 200);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                image[x, y] = x < 100 && y % 40 < 30 ? new Rgba32(0, 114, 178) : new Rgba32((byte)x, (byte)y, (byte)(x ^ y));
            }
        }
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }

    [Fact]
    public void Reduce_WhenGivenATruecolourPng_KeepsItsSizeInAPaletteOfAtMost256Colours()
    {
        var original = Chart();
        var reduced = PngPalette.Reduce(original);
        Assert.Equal(NotebookRules.PngSize(original), NotebookRules.PngSize(reduced));
        Assert.Equal(3, reduced[25]); // IHDR colour type 3: indexed colour
        using var image = Image.Load<Rgba32>(reduced);
        var colours = new HashSet<Rgba32>();
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (var pixel in rows.GetRowSpan(y))
                {
                    colours.Add(pixel);
                }
            }
        });
        Assert.InRange(colours.Count, 2, 256);
        Assert.Equal(new Rgba32(0, 114, 178), image[10, 10]); // a flat colour comes through exactly
    }

    [Fact]
    public void Reduce_WhenRunTwice_GivesTheSameBytes() =>
        Assert.Equal(PngPalette.Reduce(Chart()), PngPalette.Reduce(Chart()));

    [Fact]
    public void Reduce_WhenNotAnImage_Throws() =>
        Assert.ThrowsAny<SixLabors.ImageSharp.ImageFormatException>(() => PngPalette.Reduce("not a png"u8.ToArray()));
}
