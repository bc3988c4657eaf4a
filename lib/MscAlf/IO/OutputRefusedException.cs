namespace MscAlf.IO;

/// <summary>A command refused to write an output where it would destroy something.</summary>
public sealed class OutputRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OutputRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public OutputRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public OutputRefusedException()
        : base("The output was refused.")
    {
    }
}
