namespace MscAlf.Registry;

/// <summary>The import found invalid records and wrote nothing.</summary>
public sealed class ImportFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ImportFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ImportFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public ImportFailedException()
        : base("The import failed.")
    {
    }
}
