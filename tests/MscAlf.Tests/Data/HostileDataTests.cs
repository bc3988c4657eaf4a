using System.Text;
using MscAlf.Data;

namespace MscAlf.Tests.Data;

/// <summary>
/// Careless and hostile data files: each is a located error (file, line, column, value), never accepted silently,
/// never a crash. The command-line side (what reaches the terminal) is in Cli/CliErrorTests.
/// </summary>
public sealed class HostileDataTests
{
    private const string Header = "table,row,condition_as_printed,administration,source_as_printed,msc_source,participants,result,reference";
    private const string Good = "4,1,Liver failure,allogeneic,UC,umbilical_cord,43,Improved survival,162";

    private static IReadOnlyList<DataError> ErrorsOfBytes(byte[] bytes)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, bytes);
            return CsvTable.Read(path, HumanStudy.Schema).Errors;
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<string> CuratedFiles() => [.. Dataset.Schemas.Select(s => s.FileName)];

    [Theory]
    [MemberData(nameof(CuratedFiles))]
    public void Load_WhenAFileHasOnlyItsHeader_ReportsThatItHasNoRows(string file)
    {
        using var copy = new DataCopy();
        File.WriteAllText(copy.PathOf(file), File.ReadLines(copy.PathOf(file)).First() + "\n");
        var ex = Assert.Throws<DataValidationException>(() => Dataset.Load(copy.Directory));
        var error = Assert.Single(ex.Errors);
        Assert.Equal((file, 2), (Path.GetFileName(error.File), error.Line));
        Assert.Contains("no rows", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenLatin1BytesInACell_ReportsLineCharacterColumnAndByte()
    {
        using var copy = new DataCopy();
        var path = copy.PathOf("trials.csv");
        var bytes = File.ReadAllBytes(path);
        var at = IndexOf(bytes, "Japan"u8.ToArray());
        bytes[at + 3] = 0xE1; // "Japán" in Latin-1
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<DataValidationException>(() => Dataset.Load(copy.Directory));
        var error = Assert.Single(ex.Errors);
        var line = 1 + bytes[..at].Count(b => b == (byte)'\n');
        Assert.Equal((line, "countries"), (error.Line, error.Column));
        Assert.Contains("byte 0xE1 at character", error.Expected, StringComparison.Ordinal);
        Assert.Contains($"of line {line} is not UTF-8", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenInvalidUtf8InTheHeader_ReportsItOnLine1()
    {
        var bytes = Encoding.UTF8.GetBytes($"{Header}\n{Good}\n");
        bytes[3] = 0xFF;
        var errors = ErrorsOfBytes(bytes);
        Assert.Contains(errors, e => e.Line == 1 && e.Expected.Contains("byte 0xFF at character 4 of line 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE }, "UTF-16")]
    [InlineData(new byte[] { 0xFE, 0xFF }, "UTF-16")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00 }, "UTF-32")]
    public void Read_WhenFileIsNotUtf8_SaysWhichEncodingItFound(byte[] bom, string name)
    {
        var error = Assert.Single(ErrorsOfBytes([.. bom, .. Encoding.Unicode.GetBytes(Header)]));
        Assert.Contains($"{name} byte-order mark", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\0", "U+0000")]
    [InlineData("\u001B[31m", "U+001B")]
    [InlineData("\u202E", "U+202E")]
    [InlineData("\t", "U+0009")]
    [InlineData("\r", "U+000D")]
    [InlineData("\u2028", "U+2028")]
    [InlineData("\u200B", "U+200B")]
    public void Read_WhenACellHasAControlCharacter_ReportsColumnValueAndCodePoint(string control, string codePoint)
    {
        var bad = Good.Replace("Improved survival", $"\"Improved{control}survival\"", StringComparison.Ordinal);
        var error = Assert.Single(CsvTable.Read(new StringReader($"{Header}\n{bad}\n"), "h.csv", HumanStudy.Schema).Errors);
        Assert.Equal((2, "result"), (error.Line, error.Column));
        Assert.Contains($"character 9 is {codePoint}", error.Expected, StringComparison.Ordinal);
        Assert.DoesNotContain(control, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenACellHoldsAReplacementCharacter_ReportsIt()
    {
        var bad = Good.Replace("Improved", "Impr\uFFFDved", StringComparison.Ordinal);
        var error = Assert.Single(CsvTable.Read(new StringReader($"{Header}\n{bad}\n"), "h.csv", HumanStudy.Schema).Errors);
        Assert.Equal("result", error.Column);
        Assert.Contains("U+FFFD", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenAQuotedCellSpansLines_AcceptsTheLineBreak()
    {
        var multiline = Good.Replace("Improved survival", "\"Improved\r\nsurvival\"", StringComparison.Ordinal);
        Assert.Empty(CsvTable.Read(new StringReader($"{Header}\n{multiline}\n"), "h.csv", HumanStudy.Schema).Errors);
    }

    [Fact]
    public void Load_WhenTrialsIsAFolder_SaysItIsAFolder()
    {
        using var copy = new DataCopy();
        File.Delete(copy.PathOf("trials.csv"));
        Directory.CreateDirectory(copy.PathOf("trials.csv"));
        var ex = Assert.Throws<DataValidationException>(() => Dataset.Load(copy.Directory));
        Assert.Contains("trials.csv:0: a file; this is a folder", Assert.Single(ex.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenAValueIs20Megabytes_ReportsItCut()
    {
        using var copy = new DataCopy();
        copy.Replace("trials.csv", ",30,anticipated,", $",{new string('9', 20_000_000)},anticipated,");
        var ex = Assert.Throws<DataValidationException>(() => Dataset.Load(copy.Directory));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(20_000_000, error.Value!.Length);
        Assert.Contains("(cut; 20000000 characters in all)", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 1000, $"message of {ex.Message.Length} characters");
    }

    private static int IndexOf(byte[] bytes, byte[] part)
    {
        for (var i = 0; i + part.Length <= bytes.Length; i++)
        {
            if (bytes.AsSpan(i, part.Length).SequenceEqual(part))
            {
                return i;
            }
        }
        throw new InvalidOperationException("not found");
    }
}
