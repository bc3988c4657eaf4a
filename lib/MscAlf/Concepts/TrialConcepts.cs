using MscAlf.Codes;
using MscAlf.Data;

namespace MscAlf.Concepts;

/// <summary>The derived concepts applied to a curated trial record.</summary>
public static class TrialConcepts
{
    /// <summary>The text fields of a trial that the text classifiers read (trials.csv keeps titles and conditions).</summary>
    public static StudyText TextOf(Trial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return new StudyText { Title = trial.Title, Conditions = trial.Conditions };
    }

    /// <summary>The phase group.</summary>
    public static Phase Phase(Trial trial) => TrialPhase.Classify(trial?.Phases ?? [], trial?.StudyType).Value;

    /// <summary>The status at a snapshot.</summary>
    public static Status Status(Trial trial, StatusSnapshot snapshot) => TrialStatus.Of(trial, snapshot).Value;

    /// <summary>The condition category and cirrhosis subtype.</summary>
    public static ConditionClass Condition(Trial trial) => ConditionCategory.Classify(TextOf(trial)).Value;

    /// <summary>The enrollment band.</summary>
    public static Band Band(Trial trial) => EnrollmentBand.Classify(trial?.Enrollment).Value;

    /// <summary>Whether the enrollment is actual or a target.</summary>
    public static CountKind CountKind(Trial trial) => EnrollmentBand.KindOf(trial?.EnrollmentType);

    /// <summary>The curated MSC source (a curated judgement with evidence; the classifier is checked against it).</summary>
    public static MscSourceCode Source(Trial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return trial.MscSource;
    }

    /// <summary>
    /// The countries of a trial as categories: a recognised country by its alpha-3 code and display name, an
    /// unrecognised name as itself, and a trial with no country as "No location listed".
    /// </summary>
    public static IReadOnlyList<Category> Countries(Trial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (trial.Countries.Count == 0)
        {
            return [NoLocation];
        }
        return [.. trial.Countries.Select(name => Country.Classify(name).Value is { } c
            ? new Category(c.Alpha3, c.Name, LocationColor)
            : new Category("unrecognised:" + name, name, Palette.Unknown))];
    }

    /// <summary>The category for trials that list no location.</summary>
    public static Category NoLocation { get; } = new("none", "No location listed", Palette.Unknown);

    /// <summary>The single colour of country bars (countries are not a small fixed set).</summary>
    public const string LocationColor = "#0072B2";
}
