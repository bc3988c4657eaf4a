using MscAlf.Data;

namespace MscAlf.Tests;

/// <summary>The repository's dataset, loaded once, and throwaway copies of its data folder to break on purpose.</summary>
internal static class TestData
{
    private static readonly Lazy<Dataset> Shared = new(() => Dataset.Load());

    public static Dataset Dataset => Shared.Value;

    public static string RepositoryDataDirectory => Dataset.FindDataDirectory();
}

/// <summary>A copy of the data folder in a temporary directory, deleted on dispose.</summary>
internal sealed class DataCopy : IDisposable
{
    public DataCopy()
    {
        Directory = Path.Combine(Path.GetTempPath(), "mscalf-test-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in System.IO.Directory.GetFiles(TestData.RepositoryDataDirectory, "*.csv"))
        {
            File.Copy(file, Path.Combine(Directory, Path.GetFileName(file)));
        }
    }

    public string Directory { get; }

    public string PathOf(string file) => Path.Combine(Directory, file);

    /// <summary>Replaces the first occurrence of <paramref name="old"/> in <paramref name="file"/>.</summary>
    public void Replace(string file, string old, string replacement)
    {
        var text = File.ReadAllText(PathOf(file));
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{old}' not found in {file}");
        File.WriteAllText(PathOf(file), string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length)));
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
