using System.Text.RegularExpressions;

namespace MscAlf.Concepts;

/// <summary>Outcome categories of the review's preclinical rows (a row can have several).</summary>
public enum Outcome
{
    /// <summary>Less apoptosis of hepatocytes.</summary>
    AntiApoptotic,
    /// <summary>Less inflammation or immune activation.</summary>
    AntiInflammatory,
    /// <summary>Less oxidative stress.</summary>
    Antioxidant,
    /// <summary>Hepatocyte proliferation, growth or regeneration; hepatoprotection.</summary>
    Regenerative,
    /// <summary>New vessel formation.</summary>
    Angiogenic,
    /// <summary>Less fibrosis or stellate-cell activation.</summary>
    Antifibrotic,
    /// <summary>Longer survival.</summary>
    Survival,
    /// <summary>Better liver function or less liver damage.</summary>
    LiverFunction,
    /// <summary>Better homing or migration of the cells.</summary>
    Homing,
}

/// <summary>
/// Preclinical outcome categories, multi-label, from the verbatim result text of Tables 2–3. Each category has
/// a keyword pattern (see the source); every category whose pattern matches is assigned, with the matched words
/// as evidence. A result that matches none has no category: tallies show it as "No category matched", never guessed.
/// Plausibility-checked by reading the 26 rows, not validated.
/// </summary>
public static partial class PreclinicalOutcome
{
    /// <summary>Labels, colours and display order.</summary>
    public static ValueSet<Outcome> Values { get; } = new(
        (Outcome.AntiApoptotic, "Anti-apoptotic", "#0072B2"),
        (Outcome.AntiInflammatory, "Anti-inflammatory / immunomodulatory", "#E69F00"),
        (Outcome.Antioxidant, "Antioxidant", "#009E73"),
        (Outcome.Regenerative, "Regenerative / proliferative", "#CC79A7"),
        (Outcome.Angiogenic, "Angiogenic", "#D55E00"),
        (Outcome.Antifibrotic, "Antifibrotic", "#56B4E9"),
        (Outcome.Survival, "Survival", "#000000"),
        (Outcome.LiverFunction, "Liver function / less damage", "#8C564B"),
        (Outcome.Homing, "Homing / migration", "#BCBD22"));

    private static readonly (Outcome Outcome, Regex Pattern)[] Rules =
    [
        (Outcome.AntiApoptotic, AntiApoptoticPattern()),
        (Outcome.AntiInflammatory, AntiInflammatoryPattern()),
        (Outcome.Antioxidant, AntioxidantPattern()),
        (Outcome.Regenerative, RegenerativePattern()),
        (Outcome.Angiogenic, AngiogenicPattern()),
        (Outcome.Antifibrotic, AntifibroticPattern()),
        (Outcome.Survival, SurvivalPattern()),
        (Outcome.LiverFunction, LiverFunctionPattern()),
        (Outcome.Homing, HomingPattern()),
    ];

    /// <summary>Every outcome category the result text names, with the matched words.</summary>
    public static IReadOnlyList<Classified<Outcome>> Classify(string result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. Rules.Select(r => (r.Outcome, Match: r.Pattern.Match(result)))
            .Where(r => r.Match.Success)
            .Select(r => new Classified<Outcome>(r.Outcome, r.Match.Value))];
    }

    [GeneratedRegex(@"apopto", RegexOptions.IgnoreCase)]
    private static partial Regex AntiApoptoticPattern();

    [GeneratedRegex(@"inflammat|cytokine|immune|macrophage|T\s+cell|Th2/Th1|Treg|NLRP3|CXCL8", RegexOptions.IgnoreCase)]
    private static partial Regex AntiInflammatoryPattern();

    [GeneratedRegex(@"oxidative", RegexOptions.IgnoreCase)]
    private static partial Regex AntioxidantPattern();

    [GeneratedRegex(@"proliferat|regenerat|hepatocytes?\s+growth|hepatoprotect|EGF\s+release|HGF", RegexOptions.IgnoreCase)]
    private static partial Regex RegenerativePattern();

    [GeneratedRegex(@"angiogen|VEGF", RegexOptions.IgnoreCase)]
    private static partial Regex AngiogenicPattern();

    [GeneratedRegex(@"fibro|TGF-β|stellate", RegexOptions.IgnoreCase)]
    private static partial Regex AntifibroticPattern();

    [GeneratedRegex(@"surviv", RegexOptions.IgnoreCase)]
    private static partial Regex SurvivalPattern();

    [GeneratedRegex(@"liver\s+function|liver\s+damage|damaged\s+tissue|liver\s+recovery|\b(?:of|on|reducing)\s+ALF\b|liver\s+cell\s+loss", RegexOptions.IgnoreCase)]
    private static partial Regex LiverFunctionPattern();

    [GeneratedRegex(@"migrat|homing", RegexOptions.IgnoreCase)]
    private static partial Regex HomingPattern();
}
