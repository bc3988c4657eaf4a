namespace MscAlf.Export;

/// <summary>Thrown when the browser ran but a job could not finish: it timed out, or the page did not give a result.</summary>
public sealed class BrowserJobException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public BrowserJobException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the browser's log (shown with --verbose).</summary>
    public BrowserJobException(string message, string browserLog)
        : base(message) => BrowserLog = browserLog;

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public BrowserJobException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the standard message.</summary>
    public BrowserJobException()
        : this("The browser job failed.")
    {
    }

    /// <summary>The end of the browser's log, or empty.</summary>
    public string BrowserLog { get; } = "";
}
