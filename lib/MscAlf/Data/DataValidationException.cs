namespace MscAlf.Data;

/// <summary>Thrown when data files break their schema; holds every error found, not only the first.</summary>
public sealed class DataValidationException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    public DataValidationException(IReadOnlyList<DataError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>Creates an exception with a message and no located errors.</summary>
    public DataValidationException(string message)
        : base(message) => Errors = [];

    /// <summary>Creates an exception with a message and no located errors.</summary>
    public DataValidationException()
        : this("The data are not valid.")
    {
    }

    /// <summary>Creates an exception with a message, no located errors and an inner exception.</summary>
    public DataValidationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    /// <summary>Every error found, in file and line order.</summary>
    public IReadOnlyList<DataError> Errors { get; }

    private static string Describe(IReadOnlyList<DataError> errors) =>
        $"{errors.Count} data error(s):{Environment.NewLine}" +
        string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
