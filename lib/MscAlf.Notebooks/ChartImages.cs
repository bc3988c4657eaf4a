using MscAlf.Export;

namespace MscAlf.Notebooks;

/// <summary>
/// The static images of one session's charts: a <see cref="ChartImageRenderer"/> started on the first chart and
/// reused for the rest. When Chromium is missing, or the renderer fails, charts go without an image and
/// <see cref="TakeNote"/> gives, once, the sentence that says so.
/// </summary>
public sealed class ChartImages : IDisposable
{
    private readonly Func<ChartImageRenderer> _start;
    private readonly Lock _gate = new();
    private ChartImageRenderer? _renderer;
    private string? _off;
    private string? _note;
    private bool _disposed;

    /// <summary>Images from <paramref name="start"/> (by default <see cref="ChartImageRenderer.Start"/>), called at most once.</summary>
    public ChartImages(Func<ChartImageRenderer>? start = null) => _start = start ?? ChartImageRenderer.Start;

    /// <summary>Why charts have no image, once the session knows they will not; null while images work.</summary>
    public string? Off
    {
        get
        {
            lock (_gate)
            {
                return _off;
            }
        }
    }

    /// <summary>
    /// The PNG of <paramref name="figureJson"/> at <paramref name="width"/> × <paramref name="height"/>, in a 256-colour
    /// palette (<see cref="PngPalette"/>), or null when images are off.
    /// </summary>
    public byte[]? Png(string figureJson, int width, int height)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_off is not null)
            {
                return null;
            }
            try
            {
                _renderer ??= _start();
                return PngPalette.Reduce(_renderer.RenderPng(figureJson, width, height));
            }
            catch (BrowserNotFoundException)
            {
                TurnOff("Charts in this session have no static image (image/png): Chromium was not found. Install it (Debian: " +
                    "apt-get install chromium) or set MSCALF_CHROMIUM to its path; the interactive charts are not affected.");
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException or System.Net.WebSockets.WebSocketException
                or System.Net.Http.HttpRequestException or FormatException or SixLabors.ImageSharp.ImageFormatException)
            {
                TurnOff($"Charts from here on have no static image (image/png): the Chromium image renderer failed ({ex.Message}). " +
                    "The interactive charts are not affected.");
            }
            return null;
        }
    }

    /// <summary>The sentence saying why images are off, the first time it is asked for after they went off; then null.</summary>
    public string? TakeNote()
    {
        lock (_gate)
        {
            var note = _note;
            _note = null;
            return note;
        }
    }

    private void TurnOff(string reason)
    {
        _off = reason;
        _note = reason;
        _renderer?.Dispose();
        _renderer = null;
    }

    /// <summary>Ends the renderer's browser.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _renderer?.Dispose();
            _renderer = null;
        }
    }
}
