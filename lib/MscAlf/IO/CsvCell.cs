namespace MscAlf.IO;

/// <summary>
/// The one encoder for text cells of the CSV files the registry commands write (import, diff, query), against
/// formula injection: a spreadsheet runs a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
/// carriage return as a formula (<c>=HYPERLINK(…)</c>). Such a cell is written with a leading apostrophe, which
/// spreadsheets show as text. The encoding is reversible: a cell that already starts with apostrophes followed by
/// one of those characters gains one more, and <see cref="Decode"/> removes exactly one. Quoting (commas, quotes,
/// line breaks) is the CSV writer's job, not this one's.
/// </summary>
public static class CsvCell
{
    /// <summary>The characters that make a spreadsheet read a cell as a formula when they open it.</summary>
    public static IReadOnlyList<char> FormulaStarts { get; } = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The cell as written: <paramref name="value"/>, with an apostrophe before it when it could run as a formula.</summary>
    public static string Encode(string? value) =>
        value is null ? "" : NeedsGuard(value, minimumApostrophes: 0) ? "'" + value : value;

    /// <summary>The value a cell written by <see cref="Encode"/> stands for.</summary>
    public static string Decode(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return NeedsGuard(cell, minimumApostrophes: 1) ? cell[1..] : cell;
    }

    private static bool NeedsGuard(string value, int minimumApostrophes)
    {
        var i = 0;
        while (i < value.Length && value[i] == '\'')
        {
            i++;
        }
        return i >= minimumApostrophes && i < value.Length && FormulaStarts.Contains(value[i]);
    }
}
