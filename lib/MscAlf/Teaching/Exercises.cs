using System.Globalization;
using MscAlf.Codes;
using MscAlf.Concepts;
using MscAlf.Data;
using MscAlf.Figures;

namespace MscAlf.Teaching;

/// <summary>
/// Grades the notebooks' exercises. Each expected answer is computed from the data when checked, never typed in, so
/// an answer key cannot drift from the dataset; a notebook shows only the grade and a hint, the worked solution being
/// folded away under it.
/// </summary>
public static class Exercises
{
    private sealed record Key(string Question, Func<Dataset, object> Expected, string Hint, double Tolerance = 1e-9);

    private static readonly Dictionary<string, Key> Keys = new(StringComparer.Ordinal)
    {
        ["00-1"] = new("How many records were registered after the review's search?",
            d => d.Trials.Count(t => t.Scope == Scope.RegisteredAfterCutoff),
            "count the trials whose Scope is Scope.RegisteredAfterCutoff"),
        ["00-2"] = new("How many records are kept but left out of the November-2021 population?",
            d => d.Trials.Count - d.November2021Trials.Count,
            "every record of data.Trials that is not in data.November2021Trials, for any reason"),
        ["01-1"] = new("How many of the population's trials report an actual enrollment?",
            d => d.November2021Trials.Count(t => t.EnrollmentType == EnrollmentType.Actual),
            "EnrollmentType tells actual from anticipated or estimated counts; count over data.November2021Trials"),
        ["01-2"] = new("Which column of trials.csv has the most missing values?",
            d => d.TrialsFrame().Columns.OrderByDescending(c => c.NullCount).ThenBy(c => c.Name, StringComparer.Ordinal).First().Name,
            "answer with the column's name as the frame spells it; NullCount counts the gaps"),
        ["02-1"] = new("What share of the trials, in percent to one decimal, has a site in China?",
            d => Math.Round(Landscape(d).CountryTally().Rows.Single(r => r.Category.Code == "CHN").Percent, 1),
            "the country tally's row for CHN has a Percent; round it to one decimal", 0.05),
        ["02-2"] = new("How many trials are in phase 2 or later (Phase 2, 2/3, 3 or 4)?",
            d => d.November2021Trials.Count(t => TrialConcepts.Phase(t) is Phase.Phase2 or Phase.Phase2To3 or Phase.Phase3 or Phase.Phase4),
            "add the rows Phase 2, Phase 2/3, Phase 3 and Phase 4 of the phase tally"),
        ["03-1"] = new("How many preclinical studies used mice?",
            d => d.Preclinical.Count(p => p.ModelSpecies == "Mice"),
            "the model_species column spells the species as the review printed it"),
        ["03-2"] = new("How many preclinical studies report an anti-apoptotic effect?",
            d => d.Preclinical.Count(p => EvidenceFigures.OutcomeLabels(p).Contains(PreclinicalOutcome.Values.Label(Outcome.AntiApoptotic))),
            "EvidenceFigures.OutcomeLabels(study) lists a study's outcome categories; a study counts once however many it names"),
        ["04-1"] = new("What is the median of the actual enrollment counts (not the targets)?",
            d => FigureDescription.Median([.. d.November2021Trials.Where(t => t.EnrollmentType == EnrollmentType.Actual && t.Enrollment is not null)
                .Select(t => (double)t.Enrollment!.Value).Order()]),
            "with an even number of values the median is the mean of the two middle ones, as the box plot draws it"),
        ["04-2"] = new("How many trials started in 2018 or later?",
            d => d.November2021Trials.Count(t => t.StartDate is { Year: >= 2018 }),
            "StartDate is a partial date with a Year; trials without a start date do not count"),
        ["05-1"] = new("How many trials were recruiting in November 2021 but no longer in October 2022?",
            d => d.November2021Trials.Count(t => t.Status2021November == "Recruiting" && t.OverallStatus != "Recruiting"),
            "compare Status2021November with OverallStatus (the October-2022 snapshot)"),
        ["05-2"] = new("For how many trials can the November-2021 status not be derived?",
            d => d.November2021Trials.Count(t => t.Status2021November is null),
            "those trials have no Status2021November"),
    };

    // Exercises on an import database (notebook 06): the answer is computed from the learner's own database by SQL.
    private static readonly Dictionary<string, (string Question, string Sql, string Hint)> DatabaseKeys = new(StringComparer.Ordinal)
    {
        ["06-1"] = ("How many trials in the database have an umbilical-cord MSC source, liver or not?",
            "SELECT count(*) FROM trials WHERE msc_source = 'umbilical_cord'",
            "msc_source holds the code umbilical_cord; count the rows of trials that carry it"),
        ["06-2"] = ("Which phase group is the most common among the trials with an MSC source?",
            "SELECT phase_group FROM trials WHERE msc_source <> 'not_applicable' GROUP BY phase_group ORDER BY count(*) DESC, phase_group LIMIT 1",
            "group the trials whose msc_source is not not_applicable by phase_group and answer with the code of the largest group"),
    };

    /// <summary>The ids of every exercise there is a key for.</summary>
    public static IReadOnlyList<string> Ids => [.. Keys.Keys.Concat(DatabaseKeys.Keys).Order(StringComparer.Ordinal)];

    /// <summary>The question of exercise <paramref name="exercise"/>.</summary>
    public static string Question(string exercise) =>
        DatabaseKeys.TryGetValue(exercise ?? "", out var key) ? key.Question : Find(exercise!).Question;

    /// <summary>
    /// Grades <paramref name="answer"/> to an exercise on an import database (notebook 06: <c>06-1</c>, <c>06-2</c>),
    /// against what <paramref name="database"/> itself holds.
    /// </summary>
    public static Verdict CheckOnDatabase(string exercise, object? answer, string database)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(database);
        if (!DatabaseKeys.TryGetValue(exercise, out var key))
        {
            throw new ArgumentException($"There is no database exercise '{exercise}'; they are {string.Join(", ", DatabaseKeys.Keys)}.", nameof(exercise));
        }
        var frame = Registry.RegistryStore.Query(database, key.Sql);
        var expected = frame.Rows.Count == 0 ? null : frame.Columns[0][0];
        return Grade(exercise, answer, expected ?? "", key.Hint, 1e-9);
    }

    /// <summary>Grades <paramref name="answer"/> to exercise <paramref name="exercise"/> against the repository's data.</summary>
    public static Verdict Check(string exercise, object? answer) => Check(exercise, answer, Dataset.Load());

    /// <summary>Grades <paramref name="answer"/> to exercise <paramref name="exercise"/> against <paramref name="dataset"/>.</summary>
    public static Verdict Check(string exercise, object? answer, Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var key = Find(exercise);
        return Grade(exercise, answer, key.Expected(dataset), key.Hint, key.Tolerance);
    }

    private static Verdict Grade(string exercise, object? answer, object expected, string hint, double tolerance)
    {
        if (answer is null)
        {
            return new(exercise, null, $"Exercise {exercise}: not answered yet. Put your answer in the cell above, run it, then run this cell again.");
        }
        return Matches(answer, expected, tolerance)
            ? new(exercise, true, $"Exercise {exercise}: correct ✓ ({Show(answer)}).")
            : new(exercise, false, $"Exercise {exercise}: not yet ✗ ({Show(answer)} is not it). Hint: {hint}.");
    }

    private static Key Find(string exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return Keys.TryGetValue(exercise, out var key)
            ? key
            : throw new ArgumentException($"There is no exercise '{exercise}'; the exercises are {string.Join(", ", Ids)}.", nameof(exercise));
    }

    private static bool Matches(object answer, object expected, double tolerance) => (answer, expected) switch
    {
        (string a, string e) => string.Equals(a.Trim(), e.Trim(), StringComparison.OrdinalIgnoreCase),
        (IConvertible a, IConvertible e) when IsNumber(a) && IsNumber(e) =>
            Math.Abs(a.ToDouble(CultureInfo.InvariantCulture) - e.ToDouble(CultureInfo.InvariantCulture)) <= tolerance,
        _ => false,
    };

    private static bool IsNumber(IConvertible value) => value.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.Decimal;

    private static string Show(object value) => value switch
    {
        string text => $"\"{text}\"",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static Figure2 Landscape(Dataset dataset) =>
        new(dataset.November2021Trials, StatusSnapshot.Registry2022October, FigureSet.PopulationName);
}
