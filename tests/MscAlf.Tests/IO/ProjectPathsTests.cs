using MscAlf.IO;

namespace MscAlf.Tests.IO;

public sealed class ProjectPathsTests
{
    private static string Repository => ProjectPaths.Find().Root;

    [Fact]
    public void Find_WhenRunInTheRepository_GivesItsDataNotebooksResultsAndCliProject()
    {
        var paths = ProjectPaths.Find();
        Assert.True(File.Exists(Path.Combine(paths.Data, "trials.csv")));
        Assert.True(File.Exists(Path.Combine(paths.Notebooks, "00-overview.ipynb")));
        Assert.True(File.Exists(paths.CliProject));
        Assert.Equal(Path.Combine(paths.Root, "results"), paths.Results);
        Assert.Equal(Path.Combine(paths.Root, "results", "figures"), paths.ResultsFigures);
        Assert.Equal(Path.Combine(paths.Root, "results", "notebooks"), paths.ResultsNotebooks);
        Assert.Equal(Path.Combine(paths.Root, "results", "site"), paths.ResultsSite);
    }

    [Fact]
    public void Above_WhenStartingInASubfolder_FindsTheSameProject()
    {
        Assert.Equal(Repository, ProjectPaths.Above(Path.Combine(Repository, "notebooks"))!.Root);
        Assert.Equal(Repository, ProjectPaths.Above(Path.Combine(Repository, "lib", "MscAlf", "IO"))!.Root);
    }

    [Fact]
    public void Above_WhenNoDataFolderIsAbove_ReturnsNull()
    {
        var empty = Directory.CreateTempSubdirectory("mscalf-paths-").FullName;
        try
        {
            Assert.Null(ProjectPaths.Above(empty));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void ForData_WhenGivenADataFolder_TheProjectIsTheFolderAboveIt()
    {
        var paths = ProjectPaths.ForData("/srv/copy/data");
        Assert.Equal("/srv/copy", paths.Root);
        Assert.Equal("/srv/copy/data", paths.Data);
        Assert.Equal("/srv/copy/notebooks", paths.Notebooks);
        Assert.Equal("/srv/copy/results/site", paths.ResultsSite);
    }

    [Fact]
    public void Results_WhenSetElsewhere_MovesEveryOutputFolderWithIt()
    {
        var paths = ProjectPaths.ForData("/srv/copy/data") with { Results = "/tmp/out" };
        Assert.Equal("/tmp/out/figures", paths.ResultsFigures);
        Assert.Equal("/tmp/out/notebooks", paths.ResultsNotebooks);
        Assert.Equal("/tmp/out/site", paths.ResultsSite);
        Assert.Equal("/srv/copy/notebooks", paths.Notebooks);
    }
}
