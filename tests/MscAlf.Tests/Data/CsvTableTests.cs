using MscAlf.Data;

namespace MscAlf.Tests.Data;

/// <summary>Each way a data file can be wrong gives an error that names file, line, column and value.</summary>
public sealed class CsvTableTests
{
    [Theory]
    [InlineData("Cirrhosis")]
    [InlineData("Wharton´s jelly, é, 中文")]
    [InlineData("emoji \uD83D\uDE00 in a title")]
    [InlineData("two\nlines")]
    [InlineData("")]
    public void TextProblem_WhenTextIsFit_IsNull(string value) => Assert.Null(CsvTable.TextProblem(value));

    [Theory]
    [InlineData("a\u0000b", "U+0000")]
    [InlineData("\u001B[31m", "U+001B")]
    [InlineData("next\u0085line", "U+0085")]
    [InlineData("para\u2029graph", "U+2029")]
    [InlineData("zero\u200Bwidth", "U+200B")]
    [InlineData("\u202Eevil", "U+202E")]
    [InlineData("bom\uFEFF", "U+FEFF")]
    [InlineData("damaged \uFFFD text", "without U+FFFD")]
    public void TextProblem_WhenTextHoldsWhatAFileCannot_NamesIt(string value, string expected) =>
        Assert.Contains(expected, CsvTable.TextProblem(value), StringComparison.Ordinal);

    [Fact]
    public void TextProblem_WhenASurrogateIsUnpaired_NamesIt() => // built here: test data would not carry it intact
        Assert.Contains("U+D800", CsvTable.TextProblem("lone " + (char)0xD800 + " surrogate"), StringComparison.Ordinal);

    private const string Header = "table,row,condition_as_printed,administration,source_as_printed,msc_source,participants,result,reference";
    private const string Good = "4,1,Liver failure,allogeneic,UC,umbilical_cord,43,Improved survival,162";

    private static IReadOnlyList<DataError> ErrorsOf(string text)
    {
        var (_, errors) = CsvTable.Read(new StringReader(text), "human_studies.csv", HumanStudy.Schema);
        return errors;
    }

    private static DataError Single(string text) => Assert.Single(ErrorsOf(text));

    [Fact]
    public void Read_WhenFileIsGood_ReturnsRowsWithLines()
    {
        var (rows, errors) = CsvTable.Read(new StringReader($"{Header}\n{Good}\n"), "f.csv", HumanStudy.Schema);
        Assert.Empty(errors);
        var row = Assert.Single(rows);
        Assert.Equal(2, row.Line);
        Assert.Equal("43", row.Cells["participants"]);
    }

    [Fact]
    public void Read_WhenBomAndCrlf_AcceptsThem()
    {
        var (rows, errors) = CsvTable.Read(new StringReader($"\uFEFF{Header}\r\n{Good}\r\n"), "f.csv", HumanStudy.Schema);
        Assert.Empty(errors);
        Assert.Equal("162", Assert.Single(rows).Cells["reference"]);
    }

    [Fact]
    public void Read_WhenBomInFile_AcceptsIt()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, $"{Header}\r\n{Good}\r\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            var (rows, errors) = CsvTable.Read(path, HumanStudy.Schema);
            Assert.Empty(errors);
            Assert.Single(rows);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_WhenHeaderHasUnknownColumn_NamesIt()
    {
        var error = Single($"{Header},extra\n{Good},x\n");
        Assert.Equal((1, "extra"), (error.Line, error.Column));
        Assert.Contains("unknown", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenHeaderMissesColumn_NamesIt()
    {
        var header = Header.Replace(",reference", "", StringComparison.Ordinal);
        var good = Good.Replace(",162", "", StringComparison.Ordinal);
        var error = Single($"{header}\n{good}\n");
        Assert.Equal((1, "reference"), (error.Line, error.Column));
        Assert.Contains("missing", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenHeaderMisspellsColumn_ReportsBothSides()
    {
        var errors = ErrorsOf($"{Header.Replace("participants", "participant", StringComparison.Ordinal)}\n{Good}\n");
        Assert.Contains(errors, e => e.Column == "participant" && e.Expected.Contains("unknown", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Column == "participants" && e.Expected.Contains("missing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("4,1,Liver failure,allogeneic,UC,umbilical_cord,43,Improved survival", 8)]
    [InlineData("4,1,Liver failure,allogeneic,UC,umbilical_cord,43,Improved survival,162,extra", 10)]
    public void Read_WhenRecordHasWrongFieldCount_SaysHowMany(string record, int count)
    {
        var error = Single($"{Header}\n{record}\n");
        Assert.Equal(2, error.Line);
        Assert.Contains($"the record has {count}", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("participants", "43", "forty")]
    [InlineData("participants", "43", "-3")]
    [InlineData("participants", "43", "4.5")]
    [InlineData("reference", "162", "162|x")]
    public void Read_WhenIntegerIsBad_LocatesIt(string column, string good, string bad)
    {
        var error = Single($"{Header}\n{Good.Replace("," + good, "," + bad, StringComparison.Ordinal)}\n");
        Assert.Equal((2, column), (error.Line, error.Column));
        Assert.Contains("whole number", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("allogeneic", "Allogeneic")]
    [InlineData("umbilical_cord", "wharton_jelly")]
    public void Read_WhenCodeIsOutsideValueSet_ListsAllowedValues(string good, string bad)
    {
        var error = Single($"{Header}\n{Good.Replace(good, bad, StringComparison.Ordinal)}\n");
        Assert.Equal(bad, error.Value);
        Assert.StartsWith("one of: ", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenRequiredCellIsEmpty_SaysItIsRequired()
    {
        var error = Single($"{Header}\n{Good.Replace("Liver failure", "", StringComparison.Ordinal)}\n");
        Assert.Equal((2, "condition_as_printed", ""), (error.Line, error.Column, error.Value));
        Assert.Contains("required", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenKeyIsDuplicated_NamesBothLines()
    {
        var error = Single($"{Header}\n{Good}\n{Good}\n");
        Assert.Equal(3, error.Line);
        Assert.Contains("line 2", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenDuplicateRowAlsoHasABadCell_ReportsBoth()
    {
        var bad = Good.Replace("allogeneic", "donor", StringComparison.Ordinal);
        var errors = ErrorsOf($"{Header}\n{bad}\n{Good}\n");
        Assert.Contains(errors, e => e.Line == 2 && e.Column == "administration");
        Assert.Contains(errors, e => e.Line == 3 && e.Expected.Contains("line 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WhenCellHasSurroundingSpaces_ReportsIt()
    {
        var error = Single($"{Header}\n{Good.Replace("UC", " UC", StringComparison.Ordinal)}\n");
        Assert.Equal(("source_as_printed", " UC"), (error.Column, error.Value));
    }

    [Fact]
    public void Read_WhenLineIsBlank_ReportsItInsteadOfSkipping()
    {
        var error = Single($"{Header}\n\n{Good}\n");
        Assert.Equal(2, error.Line);
        Assert.Contains("blank", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenQuotedFieldSpansLines_ReportsTheRecordsStartLine()
    {
        var multiline = Good.Replace("Improved survival", "\"Improved\nsurvival\"", StringComparison.Ordinal);
        var bad = Good.Replace("4,1,", "4,2,", StringComparison.Ordinal).Replace(",43,", ",x,", StringComparison.Ordinal);
        var error = Single($"{Header}\n{multiline}\n{bad}\n");
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Read_WhenManyErrors_ReportsAllOfThemInLineOrder()
    {
        var second = Good.Replace("4,1,", "4,2,", StringComparison.Ordinal).Replace(",43,", ",many,", StringComparison.Ordinal);
        var third = Good.Replace("4,1,", "4,3,", StringComparison.Ordinal).Replace("allogeneic", "donor", StringComparison.Ordinal);
        var errors = ErrorsOf($"{Header}\n{Good}\n{second}\n{third}\n4,4\n");
        Assert.Equal([3, 4, 5], errors.Select(e => e.Line));
    }

    [Fact]
    public void Read_WhenFileIsEmpty_SaysSo()
    {
        var error = Single("");
        Assert.Contains("empty", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WhenErrorIsLocated_NamesFileLineColumnAndValue() =>
        Assert.Equal("data/x.csv:7: column 'enrollment': value 'ten': a whole number",
            new DataError("data/x.csv", 7, "enrollment", "ten", "a whole number").ToString());
}
