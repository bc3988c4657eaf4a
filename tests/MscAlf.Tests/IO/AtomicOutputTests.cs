using MscAlf.IO;

namespace MscAlf.Tests.IO;

public sealed class AtomicOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("atomic-output-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void CheckWritable_WhenTheFolderIsMissing_CreatesItAndLeavesItEmpty()
    {
        var path = Path.Combine(_folder, "new", "out.csv");
        AtomicOutput.CheckWritable(path);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_folder, "new")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CheckWritable_WhenTheFileExists_LeavesItUnchanged(bool inPlace)
    {
        var path = Path.Combine(_folder, "out.duckdb");
        File.WriteAllText(path, "kept");
        var written = File.GetLastWriteTimeUtc(path);
        AtomicOutput.CheckWritable(path, inPlace);
        Assert.Equal("kept", File.ReadAllText(path));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData("/proc/mscalf-no-folder/out.csv", "/proc/mscalf-no-folder: cannot create this folder (")]
    [InlineData("/proc/mscalf-no-file.csv", "/proc: cannot create a file in this folder (")]
    public void CheckWritable_WhenTheFolderCannotBeWritten_ThrowsNamingIt(string path, string expected)
    {
        var error = Assert.Throws<OutputLocationException>(() => AtomicOutput.CheckWritable(path));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
