using Microsoft.Data.Analysis;
using MscAlf.IO;

namespace MscAlf.Data;

/// <summary>
/// The project's curated data, validated and typed: the trials, the preclinical studies of Tables 2–3 and
/// the human studies of Table 4, as records and as Microsoft.Data.Analysis DataFrames.
/// </summary>
public sealed class Dataset
{
    /// <summary>The environment variable that, when set, names the data folder <see cref="Load"/> uses by default.</summary>
    public const string DataDirectoryVariable = ProjectPaths.DataVariable;

    private Dataset(string directory, IReadOnlyList<Trial> trials,
        IReadOnlyList<PreclinicalStudy> preclinical, IReadOnlyList<HumanStudy> humanStudies)
    {
        Directory = directory;
        Trials = trials;
        Preclinical = preclinical;
        HumanStudies = humanStudies;
    }

    /// <summary>The folder the files were read from.</summary>
    public string Directory { get; }

    /// <summary>Every trial record of <c>trials.csv</c>, in file order.</summary>
    public IReadOnlyList<Trial> Trials { get; }

    /// <summary>The rows of <c>preclinical.csv</c>, in file order.</summary>
    public IReadOnlyList<PreclinicalStudy> Preclinical { get; }

    /// <summary>The rows of <c>human_studies.csv</c>, in file order.</summary>
    public IReadOnlyList<HumanStudy> HumanStudies { get; }

    /// <summary>The review's population: in-scope trials first posted before 2021-12-01 (see <see cref="Population"/>).</summary>
    public IReadOnlyList<Trial> November2021Trials => [.. Trials.Where(Population.IsNovember2021)];

    /// <summary>The schemas of the data files, in the order <see cref="Load"/> reads them.</summary>
    public static IReadOnlyList<TableSchema> Schemas { get; } =
        [Trial.Schema, PreclinicalStudy.Schema, HumanStudy.Schema];

    /// <summary>
    /// Reads and validates every data file of <paramref name="dataDirectory"/> (by default the folder
    /// <see cref="FindDataDirectory"/> finds) and the data dictionary that documents them. Throws
    /// <see cref="DataValidationException"/> with every error of every file when any file breaks its schema, has no
    /// rows, or disagrees with the dictionary.
    /// </summary>
    public static Dataset Load(string? dataDirectory = null)
    {
        var directory = Path.GetFullPath(dataDirectory ?? FindDataDirectory());
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Data folder not found: {directory}");
        }
        var errors = new List<DataError>();
        var trials = ReadTable(directory, Trial.Schema, Trial.FromRow, errors);
        var preclinical = ReadTable(directory, PreclinicalStudy.Schema, PreclinicalStudy.FromRow, errors);
        var human = ReadTable(directory, HumanStudy.Schema, HumanStudy.FromRow, errors);
        errors.AddRange(DataDictionary.Check(directory, Schemas));
        return errors.Count > 0
            ? throw new DataValidationException(errors)
            : new Dataset(directory, trials, preclinical, human);
    }

    /// <summary>
    /// The data folder of the project <see cref="ProjectPaths.Find"/> finds: <c>$MSCALF_DATA</c> when set, otherwise the
    /// first <c>data/</c> holding <c>trials.csv</c> found walking up from the working directory, then from the program's own folder.
    /// </summary>
    public static string FindDataDirectory() => ProjectPaths.Find().Data;

    /// <summary>The trials as a DataFrame (see <see cref="Frames.Trials"/>).</summary>
    public DataFrame TrialsFrame() => Frames.Trials(Trials);

    /// <summary>The preclinical studies as a DataFrame.</summary>
    public DataFrame PreclinicalFrame() => Frames.Preclinical(Preclinical);

    /// <summary>The human studies as a DataFrame.</summary>
    public DataFrame HumanStudiesFrame() => Frames.HumanStudies(HumanStudies);

    private static List<T> ReadTable<T>(string directory, TableSchema schema, Func<CsvRow, T> map, List<DataError> errors)
    {
        var path = Path.Combine(directory, schema.FileName);
        if (!File.Exists(path) && !System.IO.Directory.Exists(path))
        {
            errors.Add(new DataError(path, 0, null, null, $"the file {schema.FileName}; it does not exist"));
            return [];
        }
        var (rows, fileErrors) = CsvTable.Read(path, schema, CsvTable.MaxCuratedFileBytes);
        errors.AddRange(fileErrors);
        if (rows.Count == 0 && fileErrors.Count == 0)
        {
            // A header-only file is a mistake (a truncated copy, a failed export), never an empty dataset to chart.
            errors.Add(new DataError(path, 2, null, null, "at least one record; the file has a header and no rows"));
        }
        return [.. rows.Select(map)];
    }
}
