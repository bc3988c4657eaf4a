using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MscAlf.Notebooks;

namespace MscAlf.Tests.Notebooks;

/// <summary>A theory that needs headless Chromium: skipped, saying why and how to get it, when none is installed.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (MscAlf.Export.Browser.Find() is null)
        {
            Skip = "needs Chromium for the charts' images, which is not installed: apt-get install chromium (CI installs it), or set MSCALF_CHROMIUM";
        }
    }
}

/// <summary>
/// The notebooks in notebooks/: each runs without error and the committed file is its fresh execution (PNG payloads
/// aside, see <see cref="NotebookRules"/>); every chart carries a valid PNG at the column width; no notebook passes 1 MB
/// or names a build folder; each is a lesson (purpose, graded exercises with folded solutions that pass, answered Try
/// prompts, findings whose numbers the cells above compute, a recap, navigation).
/// </summary>
[Collection(nameof(ConsoleUsers))]
public sealed partial class CommittedNotebooksTests
{
    private static readonly string Folder = Path.Combine(Path.GetDirectoryName(TestData.RepositoryDataDirectory)!, "notebooks");

    private static List<string> Names() =>
        [.. Directory.GetFiles(Folder, "*.ipynb").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Files() => [.. Names()];

    private static Notebook Load(string file) => Notebook.Load(Path.Combine(Folder, file));

    [Fact]
    public void Folder_WhenListed_HoldsTheSevenLessons() =>
        Assert.Equal(["00-overview.ipynb", "01-load-and-inspect.ipynb", "02-figure2-trial-landscape.ipynb",
            "03-preclinical-evidence.ipynb", "04-exploration.ipynb", "05-refresh-from-registry.ipynb", "06-whole-registry.ipynb"], Names());

    /// <summary>Committed = fresh execution, exactly, except each image/png payload (masked on both sides: see NotebookRules).</summary>
    [ChromiumTheory]
    [MemberData(nameof(Files))]
    public async Task Notebook_WhenExecuted_SucceedsAndMatchesTheCommittedFileExceptPngBytes(string file)
    {
        var path = Path.Combine(Folder, file);
        var run = await NotebookRunner.RunAsync(path, NotebookRunner.DefaultTimeout);
        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Null(run.ChartImagesOff);
        Assert.Empty(NotebookRules.ImageProblems(run.Notebook));
        Assert.True(NotebookRules.MaskImages(File.ReadAllText(path)) == NotebookRules.MaskImages(run.Notebook.ToJson()),
            $"{file} differs from its fresh execution: run `dotnet run --project lib/MscAlf.Cli -- notebooks run --inplace notebooks/*.ipynb` and commit");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Notebook_WhenCommitted_EveryChartOutputCarriesAValidPngAtTheColumnWidth(string file) =>
        Assert.Empty(NotebookRules.ImageProblems(Load(file)));

    [Theory]
    [MemberData(nameof(Files))]
    public void Notebook_WhenCommitted_IsUnderOneMegabyte(string file)
    {
        var size = new FileInfo(Path.Combine(Folder, file)).Length;
        Assert.True(size < NotebookRules.MaxBytes, $"{file} is {size:N0} bytes; a notebook must stay under {NotebookRules.MaxBytes:N0}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Notebook_WhenRead_NamesNoBuildFolder(string file) => Assert.Empty(NotebookRules.BuildPaths(Load(file)));

    [Theory]
    [MemberData(nameof(Files))]
    public void Notebook_WhenRead_SetsUpWithTheProjectsOwnPackage(string file)
    {
        var setup = Load(file).Cells.First(c => c.IsCode).Source;
        Assert.Contains("#r \"nuget: MscAlf\"", setup, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_WhenANotebookBreaksThem_SayWhere()
    {
        var notebook = Notebook.Parse("""
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
              {"cell_type": "code", "id": "setup", "metadata": {}, "execution_count": 1, "source": "#r \"../lib/MscAlf/bin/Debug/net10.0/MscAlf.dll\"", "outputs": [
                {"output_type": "display_data", "metadata": {}, "data": {"application/vnd.plotly.v1+json": {"data": [], "layout": {"height": 300}}, "text/plain": "chart"}},
                {"output_type": "display_data", "metadata": {}, "data": {"application/vnd.plotly.v1+json": {"data": [], "layout": {"height": 300}}, "image/png": "bm90IGEgcG5n", "text/plain": "chart"}}]},
              {"cell_type": "markdown", "id": "text", "metadata": {}, "source": "the robin/ folder and sub-bin/ are fine"}
            ]}
            """);
        Assert.Equal(["chart output 1 has no image/png", "chart output 2: image/png is not a PNG"], NotebookRules.ImageProblems(notebook));
        Assert.Equal(["cell setup: /bin/"], NotebookRules.BuildPaths(notebook));
        var masked = NotebookRules.MaskImages(notebook.ToJson());
        Assert.DoesNotContain("bm90IGEgcG5n", masked, StringComparison.Ordinal);
        Assert.Contains(NotebookRules.MaskedImage, masked, StringComparison.Ordinal);
        Assert.NotEqual(masked, NotebookRules.MaskImages(notebook.ToJson().Replace("\"height\": 300", "\"height\": 301", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Notebook_WhenRead_IsALessonWithPurposeExercisesRecapAndNavigation(string file)
    {
        var notebook = Load(file);
        var markdown = string.Join("\n", notebook.Cells.Where(c => c.CellType == "markdown").Select(c => c.Source));
        Assert.Contains("**Purpose.**", markdown, StringComparison.Ordinal);
        Assert.Contains("**You will learn**", markdown, StringComparison.Ordinal);
        Assert.Contains("## What you learned", markdown, StringComparison.Ordinal);
        Assert.True(Regex.Count(markdown, @"^## Exercise \d", RegexOptions.Multiline) >= 2, $"{file}: fewer than two exercises");
        var checks = notebook.Cells.Where(c => c.IsCode && Check().IsMatch(c.Source)).ToList();
        Assert.True(checks.Count >= 2, $"{file}: fewer than two graded exercises (Exercises.Check)");
        Assert.All(checks, check => Assert.NotNull(SolutionAfter(notebook, check)));
        Assert.DoesNotContain("### Solution", markdown, StringComparison.Ordinal); // solutions are folded, not shown under the question
        var tries = notebook.Cells.Where(c => c.CellType == "markdown" && c.Source.Contains("**Try:**", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(tries);
        Assert.All(tries, t => Assert.Contains("<details>", t.Source, StringComparison.Ordinal)); // every Try prompt is answered, folded
        Assert.Matches(@"\]\(0\d-[a-z0-9-]+\.ipynb\)", markdown);
        Assert.All(notebook.Cells, c => Assert.Matches("^[A-Za-z0-9_-]{1,64}$", c.Id));
    }

    /// <summary>After each chart comes a "What it shows" paragraph before the next section begins.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Notebook_WhenItShowsACharts_SaysWhatEachShows(string file)
    {
        var cells = Load(file).Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            if (!cells[i].Outputs.Any(o => o["data"]?[ChartBundle.PlotlyMimeType] is not null))
            {
                continue;
            }
            var next = cells.Skip(i + 1).FirstOrDefault(c => c.CellType == "markdown" && (Finding(c) || c.Source.StartsWith('#')));
            Assert.True(next is not null && Finding(next), $"{file}: the chart in cell {cells[i].Id} is not followed by a \"**What it shows.**\" paragraph");
        }
    }

    /// <summary>
    /// Every number a finding quotes is in the output of the code cells right above it, which the fresh-execution test
    /// ties to the data: no number in a finding is typed by hand.
    /// </summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Findings_WhenTheyQuoteNumbers_QuoteWhatTheCellsAboveCompute(string file)
    {
        var cells = Load(file).Cells;
        var findings = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].CellType != "markdown" || !Finding(cells[i]))
            {
                continue;
            }
            findings++;
            var above = cells.Take(i).Reverse().TakeWhile(c => c.IsCode).ToList();
            var computed = Numbers(string.Join("\n", above.SelectMany(c => c.Outputs).Select(OutputText))).ToHashSet();
            var missing = Numbers(cells[i].Source).Where(n => !computed.Contains(n)).Distinct().ToList();
            Assert.True(missing.Count == 0, $"{file}, cell {cells[i].Id}: the finding quotes {string.Join(", ", missing)}, which the cells above do not compute");
        }
        Assert.True(file.StartsWith("01", StringComparison.Ordinal) || findings > 0, $"{file} states no finding");
    }

    [Fact]
    public void Findings_WhenANumberIsTypedByHand_AreCaught()
    {
        Assert.Equal(["41", "69"], Numbers("**What it shows.** 41 of 69 trials"));
        Assert.Equal(["40.6", "1", "2"], Numbers("(40.6%) in Phase 1/2, e.g. NCT01234567"));
    }

    /// <summary>Each exercise's folded solution, run in place of the learner's answer, passes its check.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public async Task Solutions_WhenRunInPlaceOfTheAnswers_PassTheirChecks(string file)
    {
        var notebook = Load(file);
        var sources = new List<string>();
        var checks = new List<int>();
        foreach (var cell in notebook.Cells.Where(c => c.IsCode))
        {
            if (Check().IsMatch(cell.Source))
            {
                sources.Add(SolutionAfter(notebook, cell)!);
                checks.Add(sources.Count + 1);
            }
            sources.Add(cell.Source);
        }
        // Run beside notebooks/ (one level under the repository), so the lessons' relative paths resolve as they do there.
        var folder = Path.Combine(Folder, "..", ".solutions-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, file);
            File.WriteAllText(path, new Notebook { Cells = [.. sources.Select((s, i) => new NotebookCell { Id = $"c{i + 1}", CellType = "code", Source = s })] }.ToJson());
            using var noImages = new ChartImages(() => throw new MscAlf.Export.BrowserNotFoundException()); // the grades are what matters here
            var run = await NotebookRunner.RunAsync(path, NotebookRunner.DefaultTimeout, noImages);
            Assert.True(run.Succeeded, run.Failure?.ToString());
            foreach (var index in checks)
            {
                var verdict = Notebook.Text(run.Notebook.Cells[index - 1].Outputs.Last()["data"]?["text/plain"]);
                Assert.Contains("correct ✓", verdict, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [NbformatFact]
    public void Notebooks_WhenValidated_AreNbformat45() =>
        Assert.Equal("", NbformatFactAttribute.Validate(Directory.GetFiles(Folder, "*.ipynb")));

    private static bool Finding(NotebookCell cell) => cell.Source.StartsWith("**What it shows.**", StringComparison.Ordinal);

    /// <summary>The C# of the folded solution in the first markdown cell after <paramref name="check"/>, or null.</summary>
    private static string? SolutionAfter(Notebook notebook, NotebookCell check)
    {
        var after = notebook.Cells.SkipWhile(c => c != check).Skip(1).FirstOrDefault(c => c.CellType == "markdown");
        var match = after is null ? Match.Empty : SolutionBlock().Match(after.Source);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string OutputText(JsonObject output)
    {
        if (output["text"] is { } text)
        {
            return Notebook.Text(text);
        }
        var data = output["data"]?.AsObject();
        return string.Join("\n", Notebook.Text(data?["text/plain"]), WebUtility.HtmlDecode(Tag().Replace(Notebook.Text(data?["text/html"]), " ")));
    }

    /// <summary>The numbers in a text, as written (40.6, 69); NCT ids and other digits inside words are not numbers.</summary>
    private static List<string> Numbers(string text) => [.. Number().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"(?<![\w.])\d+(?:\.\d+)?(?![\w])")]
    private static partial Regex Number();

    [GeneratedRegex(@"Exercises\.Check(?:OnDatabase)?\(""\d\d-\d+""")]
    private static partial Regex Check();

    [GeneratedRegex(@"<summary>Solution</summary>\s*(?:.*?\n)?```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SolutionBlock();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
