namespace MscAlf.Registry;

/// <summary>A query the database refused (bad SQL, a missing table), with DuckDB's message.</summary>
public sealed class StoreQueryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreQueryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StoreQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public StoreQueryException()
        : base("The query failed.")
    {
    }
}
