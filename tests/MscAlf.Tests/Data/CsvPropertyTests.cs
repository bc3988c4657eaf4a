using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using MscAlf.Data;
using Xunit.Abstractions;

namespace MscAlf.Tests.Data;

/// <summary>
/// Property tests: random and mutated CSV fed to the loader and to <c>validate</c>. Whatever the bytes, the answer is
/// a loaded dataset (exit 0) or located errors (exit 1); no exception escapes, nothing on stderr is raw control
/// text, no input or output file changes on failure, and a mutation that must break a file is never accepted.
/// Each test prints its counts (cases, accepted, clear errors, crashes), the figures in docs/reliability.md.
/// </summary>
public sealed partial class CsvPropertyTests(ITestOutputHelper output)
{
    private static readonly string[] Files = ["trials.csv", "preclinical.csv", "human_studies.csv", DataDictionary.FileName];

    private static readonly Dictionary<string, byte[]> Originals =
        Files.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(TestData.RepositoryDataDirectory, f)));

    /// <summary>One change to one data file: bytes inserted, replaced or removed, or whole lines moved.</summary>
    public sealed record Mutation(string File, string Kind, int Position, byte[] Bytes)
    {
        public override string ToString() => $"{Kind} in {File} at {Position}: {Convert.ToHexString(Bytes)}";
    }

    private static readonly Gen<byte[]> Noise = Gen.OneOf(
        Gen.Byte.Array[1, 6],
        Gen.OneOf(",", "\"", "\n", "\r\n", "|", " ", "\"\"", ",,", "\u001B[31m", "\u202E", "\0", "é", "\uFFFD", "9999999999",
            "NCT00420134", "-1", "2021-02-30", "in_scope", "</script><img src=x onerror=alert(1)>", "=HYPERLINK(\"x\")").Select(Encoding.UTF8.GetBytes),
        Gen.Char['\u0020', '\u007E'].Array[1, 12].Select(chars => Encoding.UTF8.GetBytes(new string(chars))));

    private static readonly Gen<Mutation> Mutations = Gen.Select(Gen.OneOf(Files),
        Gen.OneOf("insert", "replace", "delete", "truncate", "duplicate-line", "drop-line", "swap-lines"), Gen.Int[0, int.MaxValue], Noise,
        (file, kind, position, bytes) => new Mutation(file, kind, position, bytes));

    /// <summary>Mutations after which the file cannot be valid: a control character or a byte that is never UTF-8, a repeated record, no records.</summary>
    private static readonly Gen<Mutation> Breaking = Gen.Select(Gen.OneOf(Files),
        Gen.OneOf("insert-control", "insert-invalid-byte", "duplicate-record", "header-only"), Gen.Int[0, int.MaxValue],
        Gen.OneOf<byte>(0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F), Gen.OneOf<byte>(0x80, 0xBF, 0xC0, 0xC1, 0xF5, 0xFF),
        (file, kind, position, control, invalid) => new Mutation(file, kind, position, [kind == "insert-control" ? control : invalid]));

    [Fact]
    public void Load_WhenAnyFileIsMutated_LoadsOrReportsLocatedErrorsOnly()
    {
        var counts = new Counts();
        Mutations.Sample(mutation =>
        {
            using var data = new MutatedData(mutation);
            try
            {
                _ = Dataset.Load(data.Directory);
                counts.Accepted();
            }
            catch (DataValidationException ex)
            {
                Assert.NotEmpty(ex.Errors);
                Assert.All(ex.Errors, e => AssertLocated(e, data));
                counts.Rejected();
            }
        }, iter: 400, print: m => m.ToString());
        counts.Print(output, "Dataset.Load, mutated files");
    }

    [Fact]
    public async Task Validate_WhenAnyFileIsMutated_ExitsZeroOrPrintsLocatedErrorsAndChangesNoFile()
    {
        var counts = new Counts();
        await Mutations.SampleAsync(async mutation =>
        {
            using var data = new MutatedData(mutation);
            var before = data.Snapshot();
            var (code, stdout, stderr) = await MscAlf.Tests.Cli.Cli.RunAsync("validate", "--data", data.Directory);
            Assert.True(code is 0 or 1, $"exit code {code}");
            AssertCleanStderr(stderr);
            if (code == 1)
            {
                Assert.Equal("", stdout);
                AssertLocatedReport(stderr);
                counts.Rejected();
            }
            else
            {
                Assert.Equal("", stderr);
                counts.Accepted();
            }
            Assert.Equal(before, data.Snapshot());
        }, iter: 200, print: m => m.ToString());
        counts.Print(output, "validate, mutated files");
    }

    [Fact]
    public async Task Validate_WhenAMutationMustBreakAFile_NeverAcceptsIt()
    {
        var counts = new Counts();
        await Breaking.SampleAsync(async mutation =>
        {
            using var data = new MutatedData(mutation);
            var (code, stdout, stderr) = await MscAlf.Tests.Cli.Cli.RunAsync("validate", "--data", data.Directory);
            Assert.True(code == 1, $"silently accepted: {mutation}");
            Assert.Equal("", stdout);
            AssertCleanStderr(stderr);
            AssertLocatedReport(stderr);
            Assert.Contains(mutation.File + ":", stderr, StringComparison.Ordinal);
            counts.Rejected();
        }, iter: 200, print: m => m.ToString());
        counts.Print(output, "validate, mutations that must break a file");
    }

    [Fact]
    public async Task Figures_WhenMutatedDataBreak_LeaveTheOutputFolderAsItWas()
    {
        var folder = Directory.CreateTempSubdirectory("mscalf-prop-figures-").FullName;
        try
        {
            var (first, _, firstError) = await MscAlf.Tests.Cli.Cli.RunAsync("figures", "--format", "html", "--out", folder);
            Assert.True(first == 0, firstError);
            var before = Snapshot(folder);
            var counts = new Counts();
            await Breaking.SampleAsync(async mutation =>
            {
                using var data = new MutatedData(mutation);
                var (code, _, stderr) = await MscAlf.Tests.Cli.Cli.RunAsync("figures", "--format", "html", "--data", data.Directory, "--out", folder);
                Assert.Equal(1, code);
                AssertCleanStderr(stderr);
                Assert.Equal(before, Snapshot(folder));
                counts.Rejected();
            }, iter: 12, threads: 1, print: m => m.ToString());
            counts.Print(output, "figures, mutations that must break a file");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Read_WhenTextIsRandomCsv_NeverThrowsAndLocatesEveryError()
    {
        var alphabet = Gen.OneOf(Gen.Char['a', 'z'], Gen.Char['0', '9'], Gen.OneOf(',', ',', '"', '\n', '\r', '|', ' ', '-', '\0', '\u001B', '\u202E', '\uFFFD', 'é', '\uD800'));
        var schemas = Dataset.Schemas.Append(DataDictionary.Schema).ToArray();
        var counts = new Counts();
        Gen.Select(Gen.Int[0, schemas.Length - 1], Gen.Bool, alphabet.Array[0, 400]).Sample((which, realHeader, chars) =>
        {
            var schema = schemas[which];
            var text = (realHeader ? string.Join(',', schema.Columns.Select(c => c.Name)) + "\n" : "") + new string(chars);
            var lines = LineBreak().Split(text).Length; // CsvHelper, like editors, counts CR LF, LF and a lone CR as line ends
            var (rows, errors) = CsvTable.Read(new StringReader(text), "random.csv", schema);
            Assert.All(errors, e =>
            {
                Assert.InRange(e.Line, 1, lines + 1);
                Assert.DoesNotContain(e.ToString(), c => char.IsControl(c) || char.IsSurrogate(c));
            });
            Assert.All(rows, r => Assert.InRange(r.Line, 2, lines));
            if (errors.Count == 0)
            {
                counts.Accepted();
            }
            else
            {
                counts.Rejected();
            }
        }, iter: 2000);
        counts.Print(output, "CsvTable.Read, random CSV");
    }

    private static void AssertLocated(DataError error, MutatedData data)
    {
        Assert.Contains(Path.GetFileName(error.File), Files);
        Assert.StartsWith(data.Directory, error.File, StringComparison.Ordinal);
        Assert.InRange(error.Line, 0, data.LinesOf(Path.GetFileName(error.File)) + 1);
        var line = error.ToString();
        Assert.DoesNotContain(line, c => char.IsControl(c) || char.IsSurrogate(c));
        Assert.True(line.Length < 2500, $"an error line of {line.Length} characters");
    }

    private static void AssertCleanStderr(string stderr)
    {
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unexpected", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(stderr, c => c != '\n' && (char.IsControl(c) || char.IsSurrogate(c)));
    }

    private static void AssertLocatedReport(string stderr)
    {
        var lines = stderr.TrimEnd('\n').Split('\n');
        Assert.Matches(ErrorCount(), lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Matches(LocatedLine(), l));
        Assert.Equal(int.Parse(ErrorCount().Match(lines[0]).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), lines.Length - 1);
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    [GeneratedRegex("\r\n|\r|\n")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"^([0-9]+) data error\(s\):$")]
    private static partial Regex ErrorCount();

    [GeneratedRegex(@"^  /\S.*\.csv:[0-9]+: \S")]
    private static partial Regex LocatedLine();

    /// <summary>A temporary data folder holding the repository's files with one mutation applied.</summary>
    private sealed class MutatedData : IDisposable
    {
        public MutatedData(Mutation mutation)
        {
            Directory = System.IO.Directory.CreateTempSubdirectory("mscalf-prop-").FullName;
            foreach (var (file, bytes) in Originals)
            {
                File.WriteAllBytes(Path.Combine(Directory, file), file == mutation.File ? Apply(mutation, bytes) : bytes);
            }
        }

        public string Directory { get; }

        public int LinesOf(string file) => File.ReadAllBytes(Path.Combine(Directory, file)).Count(b => b == (byte)'\n') + 1;

        public Dictionary<string, byte[]> Snapshot() => CsvPropertyTests.Snapshot(Directory);

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

        private static byte[] Apply(Mutation m, byte[] original)
        {
            var bytes = original.ToList();
            var at = m.Position % (bytes.Count + 1);
            var lines = Encoding.UTF8.GetString(original).Split('\n').ToList(); // the originals are valid UTF-8 ending in \n
            var body = lines.Count - 2; // records: lines 1 … Count-2 (the last element is the empty text after the final \n)
            switch (m.Kind)
            {
                case "insert" or "insert-control" or "insert-invalid-byte":
                    bytes.InsertRange(at, m.Bytes);
                    return [.. bytes];
                case "replace":
                    bytes.RemoveRange(at, Math.Min(m.Bytes.Length, bytes.Count - at));
                    bytes.InsertRange(at, m.Bytes);
                    return [.. bytes];
                case "delete":
                    bytes.RemoveRange(at, Math.Min(1 + m.Bytes.Length, bytes.Count - at));
                    return [.. bytes];
                case "truncate":
                    return [.. bytes.Take(at)];
                case "duplicate-line" or "duplicate-record":
                    var copy = 1 + m.Position % body;
                    lines.Insert(copy, lines[copy]);
                    return Encoding.UTF8.GetBytes(string.Join('\n', lines));
                case "drop-line":
                    lines.RemoveAt(m.Position % (lines.Count - 1));
                    return Encoding.UTF8.GetBytes(string.Join('\n', lines));
                case "swap-lines":
                    var (i, j) = (m.Position % (lines.Count - 1), m.Position / 7 % (lines.Count - 1));
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                    return Encoding.UTF8.GetBytes(string.Join('\n', lines));
                case "header-only":
                    return Encoding.UTF8.GetBytes(lines[0] + "\n");
                default:
                    throw new ArgumentException(m.Kind);
            }
        }
    }

    /// <summary>Thread-safe tallies of outcomes, printed to the test output.</summary>
    private sealed class Counts
    {
        private int _accepted;
        private int _rejected;

        public void Accepted() => Interlocked.Increment(ref _accepted);

        public void Rejected() => Interlocked.Increment(ref _rejected);

        public void Print(ITestOutputHelper output, string what) => output.WriteLine(
            $"{what}: {_accepted + _rejected} cases, {_accepted} accepted, {_rejected} clear located errors, 0 crashes (any crash fails the test)");
    }
}
