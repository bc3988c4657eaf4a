namespace MscAlf.IO;

/// <summary>Thrown when an output location cannot be used: a file where a folder is meant, a folder that cannot be written.</summary>
public sealed class OutputLocationException : IOException
{
    /// <summary>Creates the exception with a message.</summary>
    public OutputLocationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error behind it.</summary>
    public OutputLocationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the standard message.</summary>
    public OutputLocationException()
        : this("The output location cannot be used.")
    {
    }
}
