using System.Globalization;
using System.Text;
using CsCheck;
using MscAlf.Cli;
using MscAlf.Registry;
using Xunit.Abstractions;

namespace MscAlf.Tests.Registry;

/// <summary>
/// Property tests (CsCheck): real exports, mutated at random (cut, spliced, with quotes, commas, braces, line breaks,
/// control and non-ASCII characters inserted), and random text, fed to <c>import</c>. Whatever the input: the exit code
/// is 0 with an output that reads back, or 1 with located messages (each names the input) and no output written or
/// changed; no exception escapes (no stack trace). Iterations: MSCALF_PROPERTY_ITERATIONS (default 100 per kind).
/// </summary>
public sealed class ImportPropertyTests(ITestOutputHelper output) : IDisposable
{
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("MSCALF_PROPERTY_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 100;

    private readonly string _dir = Directory.CreateTempSubdirectory("mscalf-property-").FullName;
    private int _accepted;
    private int _rejected;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Inserts = ["\"", ",", "\n", "\r\n", "{", "}", "[", "]", ":", "|", "\\", "\u0000", "\u001B[31m", "\u202E", "é", "\uFFFD", "null", "123", "\"\"", "NCT0", "=cmd|'/C calc'!A0"];

    /// <summary>A mutation of <paramref name="text"/>: a cut, a splice of random insertions, a duplicated slice.</summary>
    private static Gen<string> Mutated(string text) =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, text.Length], Gen.Int[0, text.Length], Gen.Int[0, Inserts.Length - 1], Gen.Int[1, 4])
            .Select(m =>
            {
                var (kind, a, b, insert, repeat) = m;
                var (from, to) = (Math.Min(a, b), Math.Max(a, b));
                return kind switch
                {
                    0 => text[..from],                                                                     // truncated
                    1 => text[..from] + string.Concat(Enumerable.Repeat(Inserts[insert], repeat)) + text[from..], // inserted
                    2 => text[..from] + text[to..],                                                         // a slice cut out
                    _ => text[..to] + text[from..to] + text[to..],                                          // a slice doubled
                };
            });

    private void Check(string name, string content)
    {
        var input = Path.Combine(_dir, name);
        File.WriteAllText(input, content, new UTF8Encoding(false));
        var existing = content.Length % 2 == 0;
        var skip = content.Length % 3 == 0;
        var target = Path.Combine(_dir, "out.csv");
        File.Delete(target);
        if (existing)
        {
            File.WriteAllText(target, "sentinel");
        }
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = skip ? ["import", input, "--out", target, "--skip-invalid"] : ["import", input, "--out", target];
        var code = CliApp.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        var err = stderr.ToString();
        Assert.False(err.Contains("   at ", StringComparison.Ordinal), $"stack trace for {Show(content)}:\n{err}");
        if (code == 0)
        {
            Interlocked.Increment(ref _accepted);
            Assert.Equal("", err);
            var read = TrialFiles.Read(target); // the output reads back under its schema
            // Every record is imported or reported skipped, and the summary's counts say so.
            var summary = stdout.ToString();
            var skippedRecords = summary.Split('\n').Count(l => l.TrimStart().StartsWith("skipped ", StringComparison.Ordinal));
            Assert.Contains($"imported {read.Count} (", summary, StringComparison.Ordinal);
            Assert.True(skip || skippedRecords == 0, summary);
            return;
        }
        Assert.False(skip, $"--skip-invalid failed on {Show(content)}:\n{err}");
        Interlocked.Increment(ref _rejected);
        Assert.True(code == 1, $"exit {code} for {Show(content)}");
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.True(l.Contains(name, StringComparison.Ordinal) || l.Contains("invalid record", StringComparison.Ordinal),
            $"unlocated message '{l}' for {Show(content)}"));
        Assert.All(lines, l => Assert.DoesNotContain('\u001B', l));
        Assert.Equal(existing ? "sentinel" : null, File.Exists(target) ? File.ReadAllText(target) : null);
    }

    private static string Show(string content) => content.Length > 200 ? content[..200] + "…" : content;

    [Fact]
    public void Import_WhenCsvExportIsMutated_AcceptsOrFailsLocated()
    {
        var text = File.ReadAllText(Fixtures.Csv);
        Mutated(text).Sample(content => Check("in.csv", content), iter: Iterations, threads: 1);
        output.WriteLine($"CSV: {Iterations} mutated exports: {_accepted} accepted, {_rejected} rejected with located errors");
    }

    [Fact]
    public void Import_WhenStudyJsonIsMutated_AcceptsOrFailsLocated()
    {
        var text = File.ReadAllText(Fixtures.JsonFiles[0]);
        Mutated(text).Sample(content => Check("in.json", content), iter: Iterations, threads: 1);
        output.WriteLine($"JSON: {Iterations} mutated studies: {_accepted} accepted, {_rejected} rejected with located errors");
    }

    [Fact]
    public void Import_WhenInputIsRandomText_AcceptsOrFailsLocated()
    {
        var text = Gen.String[Gen.Char[(char)0, (char)0x2FF], 0, 300];
        text.Sample(content => Check("random.json", content), iter: Iterations, threads: 1);
        text.Sample(content => Check("random.csv", "NCT Number,Study Title,Enrollment\n" + content), iter: Iterations, threads: 1);
        output.WriteLine($"random: {2 * Iterations} inputs: {_accepted} accepted, {_rejected} rejected with located errors");
    }
}
