namespace MscAlf.Export;

/// <summary>Thrown when a job needs a headless browser and none is installed.</summary>
public sealed class BrowserNotFoundException : Exception
{
    /// <summary>Creates the exception with the standard advice.</summary>
    public BrowserNotFoundException()
        : base("PNG and SVG export needs Chromium and none was found (looked for $MSCALF_CHROMIUM, chromium, chromium-browser, " +
               "google-chrome). Install it (Debian: apt-get install chromium) or ask for --format html only.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public BrowserNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public BrowserNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
