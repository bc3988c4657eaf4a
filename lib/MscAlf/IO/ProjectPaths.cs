namespace MscAlf.IO;

/// <summary>
/// The folders of a project: a folder holding <c>data/</c> (the curated CSVs, <c>trials.csv</c> among them),
/// <c>notebooks/</c> and the git-ignored <c>results/</c> that commands write to. The project is found once, by
/// <see cref="Find"/>; every default path of the library and the command line comes from here.
/// </summary>
public sealed record ProjectPaths
{
    /// <summary>The environment variable that, when set, names the data folder (the project is the folder above it).</summary>
    public const string DataVariable = "MSCALF_DATA";

    /// <summary>The file whose presence marks a project's data folder.</summary>
    public const string MarkerFile = "trials.csv";

    /// <summary>A project rooted at <paramref name="root"/> whose data live in <paramref name="data"/>.</summary>
    public ProjectPaths(string root, string data)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(data);
        Root = Path.GetFullPath(root);
        Data = Path.GetFullPath(data);
        Results = Path.Combine(Root, "results");
    }

    /// <summary>The project's folder (the repository root in a checkout).</summary>
    public string Root { get; }

    /// <summary>The curated data folder (read-only inputs).</summary>
    public string Data { get; }

    /// <summary>The notebooks (<c>notebooks/</c> of the project).</summary>
    public string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>The outputs (<c>results/</c> of the project unless set otherwise, e.g. by <c>build --out</c>).</summary>
    public string Results { get; init; }

    /// <summary>Where <c>figures</c> writes by default (<c>results/figures</c>).</summary>
    public string ResultsFigures => Path.Combine(Results, "figures");

    /// <summary>Where executed notebooks go (<c>results/notebooks</c>).</summary>
    public string ResultsNotebooks => Path.Combine(Results, "notebooks");

    /// <summary>Where <c>build</c> writes the site (<c>results/site</c>).</summary>
    public string ResultsSite => Path.Combine(Results, "site");

    /// <summary>The command line's project file, from which <c>kernel install</c> publishes the kernel.</summary>
    public string CliProject => Path.Combine(Root, "lib", "MscAlf.Cli", "MscAlf.Cli.csproj");

    /// <summary>The project whose data folder is <paramref name="dataDirectory"/>: the folder above it.</summary>
    public static ProjectPaths ForData(string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var data = Path.GetFullPath(dataDirectory);
        return new ProjectPaths(Path.GetDirectoryName(data.TrimEnd(Path.DirectorySeparatorChar)) ?? data, data);
    }

    /// <summary>
    /// The project: the one whose data folder <c>$MSCALF_DATA</c> names when set, otherwise the first folder holding
    /// <c>data/trials.csv</c> found walking up from the working directory, then from the program's own folder.
    /// Throws <see cref="DirectoryNotFoundException"/>, saying how to point at one, when there is none.
    /// </summary>
    public static ProjectPaths Find() => TryFind() ?? throw new DirectoryNotFoundException(
        $"No data/ folder with {MarkerFile} above {Environment.CurrentDirectory}; pass the folder or set {DataVariable}.");

    /// <summary>The project <see cref="Find"/> finds, or null when there is none.</summary>
    public static ProjectPaths? TryFind()
    {
        if (Environment.GetEnvironmentVariable(DataVariable) is { Length: > 0 } fromEnvironment)
        {
            return ForData(fromEnvironment);
        }
        return Above(Environment.CurrentDirectory) ?? Above(AppContext.BaseDirectory);
    }

    /// <summary>The project <see cref="Find"/> finds, or, outside any project, one rooted at the working directory.</summary>
    public static ProjectPaths FindOrWorkingDirectory() =>
        TryFind() ?? new ProjectPaths(Environment.CurrentDirectory, Path.Combine(Environment.CurrentDirectory, "data"));

    /// <summary>The first project found walking up from <paramref name="start"/> (itself included), or null.</summary>
    public static ProjectPaths? Above(string start)
    {
        ArgumentNullException.ThrowIfNull(start);
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var data = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(data, MarkerFile)))
            {
                return new ProjectPaths(dir.FullName, data);
            }
        }
        return null;
    }
}
