using MscAlf.IO;

namespace MscAlf.Tests.IO;

public sealed class AtomicOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("atomic-output-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void CheckWritable_WhenTheFolderIsMissing_CreatesNothing()
    {
        AtomicOutput.CheckWritable(Path.Combine(_folder, "new", "deeper", "out.csv"));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
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
    [InlineData("/proc/mscalf-no-folder/out.csv", "/proc/mscalf-no-folder: cannot create this folder, because nothing can be created in /proc (")]
    [InlineData("/proc/mscalf-no-file.csv", "/proc: cannot create a file in this folder (")]
    public void CheckWritable_WhenTheFolderCannotBeWritten_ThrowsNamingIt(string path, string expected)
    {
        var error = Assert.Throws<OutputLocationException>(() => AtomicOutput.CheckWritable(path));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckWritable_WhenTheFolderNameHoldsControlCharacters_SaysItInOneEscapedLine()
    {
        var error = Assert.Throws<OutputLocationException>(() => AtomicOutput.CheckWritable("/proc/a\nb\u001b[31m/out.csv"));
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\u001b', error.Message);
        Assert.DoesNotContain(".mscalf-probe.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckWritable_WhenAnExistingFileCannotBeOpenedForWriting_ThrowsNamingIt()
    {
        var link = Path.Combine(_folder, "out.duckdb");
        File.CreateSymbolicLink(link, "/sys/devices/system/cpu/online"); // read-only for everyone, root included
        var error = Assert.Throws<OutputLocationException>(() => AtomicOutput.CheckWritable(link, inPlace: true));
        Assert.StartsWith($"{link}: cannot be written (", error.Message, StringComparison.Ordinal);
        AtomicOutput.CheckWritable(link); // replacing it by a rename is another matter: the folder is writable
    }

    [Fact]
    public void Write_WhenTheWriteFails_RemovesTheFoldersItCreatedAndKeepsTheOthers()
    {
        var kept = Directory.CreateDirectory(Path.Combine(_folder, "kept")).FullName;
        var path = Path.Combine(kept, "new", "deeper", "out.csv");
        Assert.Throws<InvalidOperationException>(() => AtomicOutput.Write(path, temporary =>
        {
            File.WriteAllText(temporary, "half");
            throw new InvalidOperationException("failed while writing");
        }));
        Assert.Equal([kept], Directory.GetFileSystemEntries(_folder));
        Assert.Empty(Directory.GetFileSystemEntries(kept));
    }
}
