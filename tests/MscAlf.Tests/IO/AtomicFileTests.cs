using MscAlf.IO;

namespace MscAlf.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("atomic-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void WriteAllText_WhenParentIsMissing_CreatesItAndLeavesOnlyTheFile()
    {
        var path = Path.Combine(_folder, "a", "b.txt");
        AtomicFile.WriteAllText(path, "first\n");
        AtomicFile.WriteAllText(path, "é second\n");
        Assert.Equal("é second\n"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal(["b.txt"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteAllBytes_WhenPathIsAFolder_ThrowsOutputLocationException()
    {
        var error = Assert.Throws<OutputLocationException>(() => AtomicFile.WriteAllBytes(_folder, [1]));
        Assert.Contains("is a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteAllBytes_WhenParentIsAFile_ThrowsOutputLocationExceptionAndWritesNothing()
    {
        var file = Path.Combine(_folder, "plain");
        File.WriteAllText(file, "x");
        var error = Assert.Throws<OutputLocationException>(() => AtomicFile.WriteAllBytes(Path.Combine(file, "out.bin"), [1]));
        Assert.Contains("is a file", error.Message, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(file));
    }
}
