namespace MscAlf.Registry;

/// <summary>Thrown when the registry cannot be fetched (after retries, or a request it refuses).</summary>
public sealed class FetchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FetchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public FetchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public FetchException()
        : base("The registry could not be fetched.")
    {
    }
}
