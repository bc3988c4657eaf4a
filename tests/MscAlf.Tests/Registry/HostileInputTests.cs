using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using MscAlf.IO;
using MscAlf.Registry;
using CliRunner = MscAlf.Tests.Cli.Cli;

namespace MscAlf.Tests.Registry;

/// <summary>
/// Hostile and careless inputs to the registry commands (import, fetch, diff, query), one test each: every one ends in
/// exit 0 with the right result or exit 1 with one located message, never a stack trace, and never changes an input or
/// leaves a half-written output. docs/reliability.md counts them.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mscalf-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private string Write(string name, string text)
    {
        File.WriteAllText(PathOf(name), text);
        return PathOf(name);
    }

    private static string Study(string nct) =>
        "{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"" + nct + "\", \"briefTitle\": \"A study\"}}}";

    private static void AssertLocatedFailure((int Code, string Out, string Err) result, params string[] expected)
    {
        Assert.Equal(1, result.Code);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal); // no stack trace
        foreach (var text in expected)
        {
            Assert.Contains(text, result.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Import_WhenTheJsonParserQuotesALineBreak_StillSaysItInOneLine()
    {
        var input = Write("broken.json", "tru\n\u001B[2J-x");
        var result = await CliRunner.RunAsync("import", input, "--out", PathOf("out.csv"));
        AssertLocatedFailure(result, "broken.json", "valid JSON");
        Assert.All(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries), line =>
            Assert.True(line.Contains("broken.json", StringComparison.Ordinal) || line.Contains("invalid record", StringComparison.Ordinal), line));
        Assert.DoesNotContain('\u001B', result.Err);
    }

    [Theory]
    [InlineData("\u001B[31m", "U+001B")]
    [InlineData("\u202E", "U+202E")]
    [InlineData("\u200B", "U+200B")]
    [InlineData("\uFFFD", "without U+FFFD")]
    public async Task Import_WhenATextHoldsWhatAFileCannot_ReportsTheRecordOrSkipsItWhenAsked(string inserted, string expected)
    {
        var text = File.ReadAllText(Fixtures.Csv).Replace(",Erectile Dysfunctions,", $",{inserted}Erectile Dysfunctions,", StringComparison.Ordinal);
        Assert.Contains(inserted, text, StringComparison.Ordinal);
        var input = Write("in.csv", text);
        var refused = await CliRunner.RunAsync("import", input, "--out", PathOf("out.csv"));
        AssertLocatedFailure(refused, "in.csv", "field 'conditions'", expected);
        Assert.False(File.Exists(PathOf("out.csv")));
        var skipped = await CliRunner.RunAsync("import", input, "--out", PathOf("out.csv"), "--skip-invalid");
        Assert.Equal(0, skipped.Code);
        var written = TrialFiles.Read(PathOf("out.csv")); // what import writes reads back
        Assert.DoesNotContain(written, t => t.Conditions.Any(c => c.Contains(inserted, StringComparison.Ordinal)));
        Assert.Contains("skipped 1 invalid", skipped.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("\"x\"")]
    [InlineData("true")]
    public async Task Import_WhenJsonRootIsNotAStudy_FailsLocatedAndWritesNothing(string root)
    {
        var input = Write("root.json", root);
        var result = await CliRunner.RunAsync("import", input, "--out", PathOf("out.csv"));
        AssertLocatedFailure(result, "root.json", "a study object, an array of studies or a /studies page");
        Assert.False(File.Exists(PathOf("out.csv")));
    }

    [Theory]
    [InlineData("""{"protocolSection": {"identificationModule": {"nctId": "NCT01234567", "briefTitle": 123}}}""", "protocolSection.identificationModule.briefTitle", "123", "a string")]
    [InlineData("""{"protocolSection": {"identificationModule": {"nctId": "NCT01234567"}, "designModule": {"phases": "PHASE2"}}}""", "protocolSection.designModule.phases", "\"PHASE2\"", "a list of strings")]
    [InlineData("""{"protocolSection": {"identificationModule": {"nctId": "NCT01234567"}, "designModule": {"enrollmentInfo": {"count": "120"}}}}""", "protocolSection.designModule.enrollmentInfo.count", "\"120\"", "a whole number")]
    [InlineData("""{"protocolSection": {"identificationModule": {"nctId": "NCT01234567"}, "conditionsModule": {"conditions": ["Cirrhosis", 7]}}}""", "protocolSection.conditionsModule.conditions[1]", "7", "a string")]
    [InlineData("""{"protocolSection": {"identificationModule": {"nctId": "NCT01234567"}, "statusModule": []}}""", "protocolSection.statusModule", "[…]", "an object")]
    [InlineData("""{"protocolSection": {"identificationModule": {"nctId": 1234567}}}""", "protocolSection.identificationModule.nctId", "1234567", "a string")]
    public async Task Import_WhenAJsonFieldHasTheWrongType_ReportsRecordFieldAndValue(string json, string field, string value, string expected)
    {
        var input = Write("typed.json", json);
        var result = await CliRunner.RunAsync("import", input, "--out", PathOf("out.csv"));
        AssertLocatedFailure(result, $"typed.json#1: field '{field}': value '{value}': {expected}");
        Assert.False(File.Exists(PathOf("out.csv")));
    }

    [Fact]
    public async Task Import_WhenClassicExportHeaders_MapsTitleStatusAndDates()
    {
        var input = Write("classic.csv", "\"Rank\",\"NCT Number\",\"Title\",\"Status\",\"Phases\",\"Start Date\",\"Sponsor/Collaborators\",\"Locations\"\n" +
            "1,\"NCT01234567\",\"Umbilical cord MSCs for liver cirrhosis\",\"Active, not recruiting\",\"Phase 1|Phase 2\",\"March 15, 2019\",\"Hospital A|University B\",\"Site, Beijing, China\"\n");
        var output = PathOf("out.csv");
        var (code, _, stderr) = await CliRunner.RunAsync("import", input, "--out", output);
        Assert.True(code == 0, stderr);
        var trial = Assert.Single(TrialFiles.Read(output));
        Assert.Equal(("Umbilical cord MSCs for liver cirrhosis", "Active, not recruiting", "2019-03-15", "Hospital A"),
            (trial.Title, trial.OverallStatus, trial.StartDate.ToString(), trial.Sponsor));
        Assert.Equal(["Phase 1", "Phase 2"], trial.Phases);
        Assert.Equal(["China"], trial.Countries);
    }

    [Fact]
    public async Task Import_WhenAHeaderIsFromNeitherExport_FailsNamingTheColumn()
    {
        var input = Write("odd.csv", "NCT Number,Study Title,Favourite Colour\nNCT01234567,A,blue\n");
        AssertLocatedFailure(await CliRunner.RunAsync("import", input, "--out", PathOf("out.csv")), "odd.csv:1: field 'column 3': value 'Favourite Colour'");
    }

    [Fact]
    public async Task Import_WhenAFolderOfCsvExports_ReadsEveryFile()
    {
        var folder = Directory.CreateDirectory(PathOf("exports")).FullName;
        File.WriteAllText(Path.Combine(folder, "a.csv"), "NCT Number,Study Title\nNCT01234567,First\n");
        File.WriteAllText(Path.Combine(folder, "b.csv"), "NCT Number,Study Title\nNCT01234568,Second\nNCT01234569,Third\n");
        var output = PathOf("out.csv");
        var (code, stdout, _) = await CliRunner.RunAsync("import", folder, "--out", output);
        Assert.Equal(0, code);
        Assert.Contains("Read 3 records; imported 3", stdout, StringComparison.Ordinal);
        Assert.Equal(3, TrialFiles.Read(output).Count);
    }

    [Fact]
    public async Task Import_WhenSkipInvalid_SkipsExactlyWhatItReportsAndCountsRight()
    {
        var input = Write("mixed.csv", "NCT Number,Study Title,Enrollment\nNCT01234567,Good one,10\nNCT01234568,Bad \"quote,10\nNCT01234569,Bad count,many\nNCT01234570,Good two,5\n");
        var output = PathOf("out.csv");
        var (code, stdout, _) = await CliRunner.RunAsync("import", input, "--out", output, "--skip-invalid");
        Assert.Equal(0, code);
        var skipped = stdout.Split('\n').Where(l => l.TrimStart().StartsWith("skipped ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, skipped.Count);
        Assert.Contains("Read 4 records; imported 2 (0 liver, 2 not liver); skipped 2 invalid", stdout, StringComparison.Ordinal);
        Assert.Equal(["NCT01234567", "NCT01234570"], TrialFiles.Read(output).Select(t => t.NctId));
    }

    [Fact]
    public async Task Import_WhenOutIsTheInput_RefusesAndLeavesItUnchanged()
    {
        var input = Write("export.csv", "NCT Number,Study Title\nNCT01234567,A\n");
        var before = File.ReadAllBytes(input);
        AssertLocatedFailure(await CliRunner.RunAsync("import", input, "--out", input), "is an input of this command");
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public async Task Import_WhenOutIsALinkToTheInput_Refuses()
    {
        var input = Write("export.csv", "NCT Number,Study Title\nNCT01234567,A\n");
        var link = PathOf("link.csv");
        File.CreateSymbolicLink(link, input);
        AssertLocatedFailure(await CliRunner.RunAsync("import", input, "--out", link), "is an input of this command");
        Assert.Equal("NCT Number,Study Title\nNCT01234567,A\n", File.ReadAllText(input));
    }

    [Fact]
    public async Task Import_WhenOutIsACuratedDataFile_Refuses()
    {
        var curated = Path.Combine(TestData.RepositoryDataDirectory, "trials.csv");
        var before = SHA256.HashData(File.ReadAllBytes(curated));
        AssertLocatedFailure(await CliRunner.RunAsync("import", Fixtures.Csv, "--out", curated), "curated data folder");
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(curated)));
    }

    [Theory]
    [InlineData("/dev/null", "not a regular file")]
    [InlineData("", "is a folder")]
    public async Task Import_WhenOutIsNotARegularFile_Refuses(string target, string expected)
    {
        var output = target.Length == 0 ? _dir : target;
        AssertLocatedFailure(await CliRunner.RunAsync("import", Fixtures.Csv, "--out", output), expected);
    }

    [Fact]
    public async Task Import_WhenOutCannotBeWritten_FailsLocated()
    {
        var file = Write("plain.txt", "x");
        AssertLocatedFailure(await CliRunner.RunAsync("import", Fixtures.Csv, "--out", Path.Combine(file, "out.csv")), "is a file, not a folder");
    }

    [Fact]
    public async Task Import_WhenOutHasAnUnknownExtension_FailsLocated() =>
        AssertLocatedFailure(await CliRunner.RunAsync("import", Fixtures.Csv, "--out", PathOf("out.xlsx")), "--out must end in .duckdb, .csv, .parquet");

    private string Zip(string name, params (string Entry, byte[] Bytes)[] entries)
    {
        var path = PathOf(name);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var (entry, bytes) in entries)
            {
                using var stream = zip.CreateEntry(entry, CompressionLevel.Optimal).Open();
                stream.Write(bytes);
            }
        }
        return path;
    }

    [Fact]
    public async Task Import_WhenAZipEntryIsCorrupt_NamesItAndSkipsItOnlyWhenAsked()
    {
        var good = Encoding.UTF8.GetBytes(Study("NCT01234567"));
        var other = Encoding.UTF8.GetBytes(Study("NCT01234568") + new string(' ', 4000));
        var path = Zip("bulk.zip", ("NCT0123xxxx/NCT01234567.json", good), ("NCT0123xxxx/NCT01234568.json", other));
        // Damage the second entry's compressed bytes (past its local header), keeping the directory intact.
        var bytes = File.ReadAllBytes(path);
        var second = IndexOf(bytes, Encoding.ASCII.GetBytes("NCT0123xxxx/NCT01234568.json"));
        for (var i = second + 40; i < second + 60; i++)
        {
            bytes[i] ^= 0x5A;
        }
        File.WriteAllBytes(path, bytes);
        var output = PathOf("out.csv");
        AssertLocatedFailure(await CliRunner.RunAsync("import", path, "--out", output), "bulk.zip!NCT0123xxxx/NCT01234568.json", "a readable zip entry");
        Assert.False(File.Exists(output));
        var (code, stdout, _) = await CliRunner.RunAsync("import", path, "--out", output, "--skip-invalid");
        Assert.Equal(0, code);
        Assert.Contains("skipped bulk.zip!NCT0123xxxx/NCT01234568.json", stdout, StringComparison.Ordinal);
        Assert.Equal("NCT01234567", Assert.Single(TrialFiles.Read(output)).NctId);
    }

    [Theory]
    [InlineData("not a zip at all")]
    [InlineData("PK\u0003\u0004 truncated")]
    public async Task Import_WhenTheZipIsNotAZip_FailsLocated(string content)
    {
        var input = Write("broken.zip", content);
        AssertLocatedFailure(await CliRunner.RunAsync("import", input, "--out", PathOf("out.csv")), "broken.zip", "a readable zip archive");
    }

    [Fact]
    public async Task Import_WhenTheZipIsTruncated_FailsLocated()
    {
        var path = Zip("cut.zip", ("a/NCT01234567.json", Encoding.UTF8.GetBytes(Study("NCT01234567"))));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 30)]);
        AssertLocatedFailure(await CliRunner.RunAsync("import", path, "--out", PathOf("out.csv")), "cut.zip");
    }

    [Fact]
    public async Task Import_WhenAJsonArrayBreaksOff_ReportsWhereAndKeepsNothingWithoutSkip()
    {
        var input = Write("array.json", $"[{Study("NCT01234567")}, {Study("NCT01234568")}, {{\"protocolSection\": ");
        AssertLocatedFailure(await CliRunner.RunAsync("import", input, "--out", PathOf("out.csv")), "array.json#3", "the array breaks off here");
    }

    [Fact]
    public async Task Import_WhenTheSameStudyAppearsTwice_KeepsTheNewestLastUpdate()
    {
        var older = Study("NCT01234567").Replace("\"briefTitle\": \"A study\"", "\"briefTitle\": \"Older\"", StringComparison.Ordinal)
            .Replace("}}}", "}, \"statusModule\": {\"lastUpdatePostDateStruct\": {\"date\": \"2020-01-01\"}}}}", StringComparison.Ordinal);
        var newer = older.Replace("Older", "Newer", StringComparison.Ordinal).Replace("2020-01-01", "2023-05-01", StringComparison.Ordinal);
        var input = Write("twice.json", $"[{newer}, {older}]");
        var output = PathOf("out.csv");
        var (code, stdout, _) = await CliRunner.RunAsync("import", input, "--out", output);
        Assert.Equal(0, code);
        Assert.Contains("merged 1 duplicates", stdout, StringComparison.Ordinal);
        Assert.Equal("Newer", Assert.Single(TrialFiles.Read(output)).Title);
    }

    [Fact]
    public async Task Import_WhenFormulaLikeText_WritesItGuardedAndReadsItBack()
    {
        var input = Write("formula.csv", "NCT Number,Study Title,Conditions\nNCT01234567,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",@SUM(A1)|-2+3\n");
        var output = PathOf("out.csv");
        Assert.Equal(0, (await CliRunner.RunAsync("import", input, "--out", output)).Code);
        var text = File.ReadAllText(output);
        Assert.Contains("\"'=HYPERLINK(", text, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(A1)|-2+3,", text, StringComparison.Ordinal);
        var trial = Assert.Single(TrialFiles.Read(output));
        Assert.Equal("=HYPERLINK(\"http://x\",\"y\")", trial.Title);
        Assert.Equal(["@SUM(A1)", "-2+3"], trial.Conditions);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }
        return -1;
    }

    // ---- the database

    private static async Task<string> Rows(string database) =>
        (await CliRunner.RunAsync("query", database, "SELECT * FROM trials ORDER BY nct_id")).Out +
        (await CliRunner.RunAsync("query", database, "SELECT * FROM conditions ORDER BY nct_id, ordinal")).Out +
        (await CliRunner.RunAsync("query", database, "SELECT * FROM countries ORDER BY nct_id, ordinal")).Out;

    [Fact]
    public async Task Import_WhenRunTwiceIntoADatabase_GivesTheSameRows()
    {
        var database = PathOf("registry.duckdb");
        Assert.Equal(0, (await CliRunner.RunAsync("import", Fixtures.Csv, "--out", database)).Code);
        var first = await Rows(database);
        var (code, stdout, _) = await CliRunner.RunAsync("import", Fixtures.Csv, "--out", database);
        Assert.Equal(0, code);
        Assert.Contains("the database holds 25 trials", stdout, StringComparison.Ordinal);
        Assert.Equal(first, await Rows(database));
    }

    [Fact]
    public async Task Import_WhenInterruptedBeforeCommit_LeavesTheDatabaseAsItWas()
    {
        var database = PathOf("registry.duckdb");
        Assert.Equal(0, (await CliRunner.RunAsync("import", Fixtures.Json, "--out", database)).Code);
        var before = await Rows(database);
        RegistryImporter.BeforeCommit = () => throw new IOException("simulated crash before commit");
        try
        {
            var result = await CliRunner.RunAsync("import", Fixtures.Csv, "--out", database);
            AssertLocatedFailure(result, "simulated crash before commit", "nothing was changed");
        }
        finally
        {
            RegistryImporter.BeforeCommit = null;
        }
        Assert.Equal(before, await Rows(database));
    }

    [Fact]
    public async Task Import_WhenANewDatabaseIsInterrupted_LeavesNoFile()
    {
        var database = PathOf("new.duckdb");
        RegistryImporter.BeforeCommit = () => throw new IOException("simulated crash");
        try
        {
            Assert.Equal(1, (await CliRunner.RunAsync("import", Fixtures.Json, "--out", database)).Code);
        }
        finally
        {
            RegistryImporter.BeforeCommit = null;
        }
        Assert.Empty(Directory.GetFiles(_dir));
    }

    /// <summary>A website CSV of the fixture rows repeated, long enough to fill the pipeline's bounded queues.</summary>
    private string LongCsv()
    {
        var lines = File.ReadAllLines(Fixtures.Csv);
        return Write("long.csv", string.Join("\n", lines.Take(1).Concat(Enumerable.Repeat(lines.Skip(1), 60).SelectMany(l => l))) + "\n");
    }

    [Fact]
    public async Task Run_WhenEveryWorkerFails_ReportsTheFailureInsteadOfWaitingAndLeavesNoFile()
    {
        var input = LongCsv();
        var output = PathOf("out.duckdb");
        RegistryImporter.ProcessHook = _ => throw new InvalidOperationException("simulated classifier bug");
        try
        {
            var run = Task.Run(() => RegistryImporter.Run(input, output, new ImportOptions { Workers = 2 }));
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
            Assert.Equal("simulated classifier bug", failure.Message);
        }
        finally
        {
            RegistryImporter.ProcessHook = null;
        }
        Assert.Equal([input], Directory.GetFiles(_dir));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_WhenCancelledWhileReading_StopsAndLeavesTheOutputAsItWas(bool existing)
    {
        var input = LongCsv();
        var output = PathOf("out.duckdb");
        if (existing)
        {
            RegistryImporter.Run(Fixtures.Json, output, new ImportOptions());
        }
        var before = existing ? await Rows(output) : null;
        using var stop = new CancellationTokenSource();
        var seen = 0;
        RegistryImporter.ProcessHook = _ =>
        {
            if (Interlocked.Increment(ref seen) == 100)
            {
                stop.Cancel();
            }
        };
        try
        {
            var run = Task.Run(() => RegistryImporter.Run(input, output, new ImportOptions { Cancellation = stop.Token }));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            RegistryImporter.ProcessHook = null;
        }
        Assert.Equal(existing ? [input, output] : [input], Directory.GetFiles(_dir).Order(StringComparer.Ordinal));
        Assert.Equal(before, existing ? await Rows(output) : null);
    }

    [Fact]
    public void Run_WhenTheTargetIsNotADatabase_FailsBeforeReadingAnyRecord()
    {
        var target = Write("fake.duckdb", "this is not a database");
        var processed = 0;
        RegistryImporter.ProcessHook = _ => Interlocked.Increment(ref processed);
        try
        {
            Assert.ThrowsAny<Exception>(() => RegistryImporter.Run(LongCsv(), target, new ImportOptions()));
        }
        finally
        {
            RegistryImporter.ProcessHook = null;
        }
        Assert.Equal(0, processed);
        Assert.Equal("this is not a database", File.ReadAllText(target));
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData(".parquet")]
    [InlineData(".duckdb")]
    public void Run_WhenTheOutputFolderCannotBeWritten_FailsBeforeReadingAnyRecord(string extension)
    {
        // Even root cannot create a folder in /proc, so this holds on every Linux machine, CI included.
        var folder = $"/proc/mscalf-unwritable-{Guid.NewGuid():N}";
        var processed = 0;
        RegistryImporter.ProcessHook = _ => Interlocked.Increment(ref processed);
        try
        {
            var failure = Assert.Throws<OutputLocationException>(() => RegistryImporter.Run(LongCsv(), $"{folder}/out{extension}", new ImportOptions()));
            Assert.StartsWith($"{folder}: cannot create this folder, because nothing can be created in /proc (", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            RegistryImporter.ProcessHook = null;
        }
        Assert.Equal(0, processed);
    }

    [Theory]
    [InlineData("/proc/mscalf-unwritable/out.csv", "/proc/mscalf-unwritable: cannot create this folder, because nothing can be created in /proc (")]
    [InlineData("/proc/mscalf-unwritable.parquet", "/proc: cannot create a file in this folder (")]
    public async Task Import_WhenTheOutputFolderCannotBeWritten_FailsLocated(string output, string expected)
    {
        var result = await CliRunner.RunAsync("import", LongCsv(), "--out", output);
        AssertLocatedFailure(result, expected, "; nothing was changed");
    }

    [Theory]
    [InlineData("out.csv")]
    [InlineData("out.parquet")]
    [InlineData("out.duckdb")]
    public async Task Import_WhenItFailsIntoAFolderThatDidNotExist_LeavesNoFolder(string name)
    {
        var input = Write("bad.csv", "not,a,registry,header\n1,2,3,4\n");
        var output = Path.Combine(_dir, "new", "deeper", name);
        AssertLocatedFailure(await CliRunner.RunAsync("import", input, "--out", output), "bad.csv");
        Assert.False(Directory.Exists(Path.Combine(_dir, "new")));
    }

    [Fact]
    public async Task Import_WhenTheTargetIsNotADatabase_FailsLocatedAndLeavesIt()
    {
        var target = Write("fake.duckdb", "this is not a database");
        AssertLocatedFailure(await CliRunner.RunAsync("import", Fixtures.Json, "--out", target), "fake.duckdb");
        Assert.Equal("this is not a database", File.ReadAllText(target));
    }

    [Fact]
    public async Task Query_WhenSqlIsBadOrTriesToWriteFiles_FailsLocated()
    {
        var database = PathOf("registry.duckdb");
        await CliRunner.RunAsync("import", Fixtures.Json, "--out", database);
        AssertLocatedFailure(await CliRunner.RunAsync("query", database, "SELEKT 1"), "registry.duckdb: the query failed");
        AssertLocatedFailure(await CliRunner.RunAsync("query", database, $"COPY trials TO '{PathOf("leak.csv")}'"), "the query failed");
        AssertLocatedFailure(await CliRunner.RunAsync("query", database, "DELETE FROM trials"), "the query failed");
        Assert.False(File.Exists(PathOf("leak.csv")));
        AssertLocatedFailure(await CliRunner.RunAsync("query", Fixtures.Csv, "SELECT 1"), "not a readable DuckDB database");
        AssertLocatedFailure(await CliRunner.RunAsync("query", PathOf("missing.duckdb"), "SELECT 1"), "no such database file");
        AssertLocatedFailure(await CliRunner.RunAsync("query", database, "SELECT 1", "--out", database), "is an input of this command");
    }

    [Fact]
    public async Task Query_WhenACellLooksLikeAFormula_GuardsTextButNotNumbers()
    {
        var database = PathOf("registry.duckdb");
        await CliRunner.RunAsync("import", Fixtures.Json, "--out", database);
        var (code, stdout, _) = await CliRunner.RunAsync("query", database, "SELECT '=1+1' AS text, -5 AS number, '@x' AS at");
        Assert.Equal(0, code);
        Assert.Equal("text,number,at\n'=1+1,-5,'@x\n", stdout);
    }

    // ---- diff

    [Fact]
    public async Task Diff_WhenGivenAFolder_FailsLocated() =>
        AssertLocatedFailure(await CliRunner.RunAsync("diff", _dir, Fixtures.Csv), "is a folder");

    [Fact]
    public async Task Diff_WhenOutIsAnInput_Refuses()
    {
        var imported = PathOf("imported.csv");
        await CliRunner.RunAsync("import", Fixtures.Json, "--out", imported);
        var before = File.ReadAllBytes(imported);
        AssertLocatedFailure(await CliRunner.RunAsync("diff", imported, imported, "--out", imported), "is an input of this command");
        Assert.Equal(before, File.ReadAllBytes(imported));
    }

    [Fact]
    public void DiffCsv_WhenAChangeLooksLikeAFormula_GuardsIt() =>
        Assert.Equal("kind,nct_id,old,new\nstatus,NCT01234567,'=cmd|' /C calc'!A0,Recruiting\n",
            TrialDiff.ToCsv([new TrialChange(ChangeKind.Status, "NCT01234567", "=cmd|' /C calc'!A0", "Recruiting")]));
}
