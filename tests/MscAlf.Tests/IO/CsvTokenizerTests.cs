using System.Globalization;
using CsCheck;
using CsvHelper;
using CsvHelper.Configuration;
using MscAlf.IO;

namespace MscAlf.Tests.IO;

public sealed class CsvTokenizerTests
{
    private static List<CsvRecord> Read(string text, int bufferSize = 1 << 16)
    {
        var tokenizer = new CsvTokenizer(new StringReader(text), bufferSize);
        var records = new List<CsvRecord>();
        while (tokenizer.Read() is { } record)
        {
            records.Add(record);
        }
        return records;
    }

    [Theory]
    [InlineData("a,b,c\n", "a|b|c")]
    [InlineData("a,,c", "a||c")]
    [InlineData("\"a,b\",\"say \"\"hi\"\"\",c\r\n", "a,b|say \"hi\"|c")]
    [InlineData("\uFEFFa,b\n", "a|b")]
    [InlineData("a,\"\"\n", "a|")]
    [InlineData("a,b,\n", "a|b|")]
    public void Read_WhenWellFormed_SplitsFields(string text, string expected)
    {
        var record = Assert.Single(Read(text));
        Assert.Equal(expected, string.Join('|', record.Fields));
        Assert.Null(record.BadField);
    }

    [Fact]
    public void Read_WhenQuotedLineBreaksAndBlankLines_CountsLinesFromTheRecordStart()
    {
        var records = Read("h1,h2\n\"x\ny\",1\n\nlast,2\n");
        Assert.Equal([1, 2, 5], records.Select(r => r.Line));
        Assert.Equal("x\ny", records[1].Fields[0]);
    }

    [Theory]
    [InlineData("a,b\"c,d\n", "b\"c")]
    [InlineData("a,\"b\"c,d\n", "\"b\"c")]
    [InlineData("a,\"never closed\n", "\"never closed\n")]
    public void Read_WhenQuotingIsBroken_ReportsTheField(string text, string bad) =>
        Assert.Equal(bad, Assert.Single(Read(text)).BadField);

    /// <summary>
    /// Any text, well-formed or not, reads the same whatever the buffer size: fields that cross the buffer's end (read
    /// piece by piece) come out as those that lie within it (read in one copy), with the same lines and broken fields.
    /// </summary>
    [Fact]
    public void Read_WhenTheBufferIsTiny_ReadsWhatALargeBufferReads()
    {
        static string Describe(List<CsvRecord> records) =>
            string.Join('\u0002', records.Select(r => $"{r.Line}\u0003{r.BadField}\u0003{string.Join('\u0001', r.Fields)}"));
        Gen.String[Gen.Char["ab ,\"\n\r\té|x\uFEFF"], 0, 60].Sample(text =>
        {
            var expected = Describe(Read(text));
            foreach (var size in new[] { 1, 2, 3, 5, 8 })
            {
                Assert.Equal(expected, Describe(Read(text, size)));
            }
        }, iter: 1000);
    }

    /// <summary>On well-formed CSV (written by CsvHelper from random fields) it reads what CsvHelper reads.</summary>
    [Fact]
    public void Read_WhenRandomFields_AgreesWithCsvHelper()
    {
        var field = Gen.String[Gen.Char["ab ,\"\n\r\té|x"], 0, 12];
        var records = field.Array[1, 5].Array[1, 6];
        records.Sample(rows =>
        {
            var width = rows[0].Length;
            var table = rows.Select(r => r.Length == width ? r : [.. r.Concat(Enumerable.Repeat("", width)).Take(width)]).ToList();
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n", ShouldQuote = a => true }, leaveOpen: true))
            {
                foreach (var row in table)
                {
                    foreach (var cell in row)
                    {
                        csv.WriteField(cell);
                    }
                    csv.NextRecord();
                }
            }
            var read = Read(text.ToString());
            Assert.Equal(table.Select(r => string.Join('\u0001', r)), read.Select(r => string.Join('\u0001', r.Fields)));
            Assert.All(read, r => Assert.Null(r.BadField));
        }, iter: 300);
    }
}
