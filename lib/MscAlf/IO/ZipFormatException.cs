namespace MscAlf.IO;

/// <summary>A zip archive that is not one, or that breaks off.</summary>
public sealed class ZipFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ZipFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ZipFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public ZipFormatException()
        : base("Not a readable zip archive.")
    {
    }
}
