using System.Globalization;

namespace MscAlf.Data;

/// <summary>A byte that is not UTF-8, located by its line and character (both 1-based).</summary>
/// <param name="Line">The line it is on.</param>
/// <param name="Character">Its position on the line, counted in decoded characters.</param>
/// <param name="Byte">The byte.</param>
public sealed record InvalidByte(int Line, int Character, byte Byte)
{
    /// <summary>What an error message says about it.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"byte 0x{Byte:X2} at character {Character} of line {Line} is not UTF-8 (a Latin-1 or Windows-1252 file? save it as UTF-8)");
}
