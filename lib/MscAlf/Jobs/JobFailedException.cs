namespace MscAlf.Jobs;

/// <summary>
/// Thrown by a job that could not do its work for a reason the user can act on (a missing input, a refused output, an
/// invalid record, a registry that cannot be reached). The message is ready to print: located, with registry and file
/// text already escaped for a terminal.
/// </summary>
public sealed class JobFailedException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public JobFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error behind it.</summary>
    public JobFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the standard message.</summary>
    public JobFailedException()
        : this("The job failed.")
    {
    }
}
