namespace MscAlf.Registry;

/// <summary>
/// One thing a reader met, in input order: a study, or the errors of one record (or of one unreadable file or zip
/// entry) that it could not take. A record is either imported or skipped, never both.
/// </summary>
/// <param name="Study">The study, when the record was read.</param>
/// <param name="Errors">The record's errors, when it was not (never empty then).</param>
public sealed record RegistryItem(RegistryStudy? Study, IReadOnlyList<RecordError> Errors)
{
    /// <summary>A record read.</summary>
    public static RegistryItem Of(RegistryStudy study) => new(study, []);

    /// <summary>A record, file or entry that could not be read.</summary>
    public static RegistryItem Invalid(params RecordError[] errors) => new(null, errors);

    /// <summary>A record that could not be read, with every error found in it.</summary>
    public static RegistryItem Invalid(IReadOnlyList<RecordError> errors) => new(null, errors);
}
