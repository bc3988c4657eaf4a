namespace MscAlf.IO;

/// <summary>One record of a CSV file: its fields, the line it starts on, and the first field with broken quoting.</summary>
/// <param name="Fields">The fields, unquoted.</param>
/// <param name="Line">The 1-based line where the record starts.</param>
/// <param name="BadField">The raw text of the first field whose quoting is broken (a quote inside an unquoted field,
/// text after a closing quote, a quote never closed), or null.</param>
public sealed record CsvRecord(string[] Fields, int Line, string? BadField);
