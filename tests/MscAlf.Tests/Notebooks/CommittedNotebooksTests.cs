using MscAlf.Notebooks;

namespace MscAlf.Tests.Notebooks;

/// <summary>The notebooks in notebooks/: each runs without error, and the committed file is exactly its fresh execution.</summary>
[Collection(nameof(ConsoleUsers))]
public sealed class CommittedNotebooksTests
{
    private static readonly string Folder = Path.Combine(Path.GetDirectoryName(TestData.RepositoryDataDirectory)!, "notebooks");

    private static List<string> Names() =>
        [.. Directory.GetFiles(Folder, "*.ipynb").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Files() => [.. Names()];

    [Fact]
    public void Folder_WhenListed_HoldsTheSevenLessons() =>
        Assert.Equal(["00-overview.ipynb", "01-load-and-inspect.ipynb", "02-figure2-trial-landscape.ipynb",
            "03-preclinical-evidence.ipynb", "04-exploration.ipynb", "05-refresh-from-registry.ipynb", "06-whole-registry.ipynb"], Names());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Notebook_WhenExecuted_SucceedsAndMatchesTheCommittedFile(string file)
    {
        var path = Path.Combine(Folder, file);
        var run = await NotebookRunner.RunAsync(path, NotebookRunner.DefaultTimeout);
        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.True(File.ReadAllText(path) == run.Notebook.ToJson(),
            $"{file} differs from its fresh execution: run `dotnet run --project lib/MscAlf.Cli -- notebooks run --inplace notebooks/*.ipynb` and commit");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Notebook_WhenRead_IsALessonWithPurposeExerciseAndNavigation(string file)
    {
        var notebook = Notebook.Load(Path.Combine(Folder, file));
        var markdown = string.Join("\n", notebook.Cells.Where(c => c.CellType == "markdown").Select(c => c.Source));
        Assert.Contains("**Purpose.**", markdown, StringComparison.Ordinal);
        Assert.Contains("**You will learn**", markdown, StringComparison.Ordinal);
        Assert.Contains("## Exercise", markdown, StringComparison.Ordinal);
        Assert.Contains("### Solution", markdown, StringComparison.Ordinal);
        Assert.Contains("**Try:**", markdown, StringComparison.Ordinal);
        Assert.Matches(@"\]\(0\d-[a-z0-9-]+\.ipynb\)", markdown);
        Assert.All(notebook.Cells, c => Assert.Matches("^[A-Za-z0-9_-]{1,64}$", c.Id));
    }

    [NbformatFact]
    public void Notebooks_WhenValidated_AreNbformat45() =>
        Assert.Equal("", NbformatFactAttribute.Validate(Directory.GetFiles(Folder, "*.ipynb")));
}
