using System.Text.RegularExpressions;

namespace MscAlf.Concepts;

/// <summary>Condition categories of Figure 2 panel F, in precedence and display order.</summary>
public enum Condition
{
    /// <summary>Acute liver failure (fulminant hepatic failure).</summary>
    AcuteLiverFailure,
    /// <summary>Acute-on-chronic liver failure.</summary>
    AcuteOnChronicLiverFailure,
    /// <summary>Liver failure not stated as acute or acute-on-chronic; end-stage liver disease.</summary>
    LiverFailureUnspecified,
    /// <summary>Liver cirrhosis (subtype in <see cref="CirrhosisSubtype"/>).</summary>
    Cirrhosis,
    /// <summary>Liver fibrosis without cirrhosis.</summary>
    Fibrosis,
    /// <summary>Liver transplantation (rejection, graft, donor or recipient).</summary>
    LiverTransplantation,
    /// <summary>Another liver or biliary condition (hepatitis, cholangitis, Wilson's disease, …).</summary>
    OtherLiver,
    /// <summary>No liver condition named.</summary>
    NotLiver,
}

/// <summary>Cirrhosis subtypes, in precedence order.</summary>
public enum CirrhosisSubtype
{
    /// <summary>Biliary cirrhosis (primary biliary cirrhosis / cholangitis).</summary>
    Biliary,
    /// <summary>Alcohol-related cirrhosis.</summary>
    Alcoholic,
    /// <summary>Hepatitis B related.</summary>
    Hbv,
    /// <summary>Hepatitis C related.</summary>
    Hcv,
    /// <summary>Decompensated, cause not stated.</summary>
    Decompensated,
    /// <summary>Cause and stage not stated.</summary>
    Unspecified,
}

/// <summary>A condition category with its cirrhosis subtype (null unless the category is cirrhosis).</summary>
/// <param name="Category">The category.</param>
/// <param name="Subtype">The cirrhosis subtype, for cirrhosis only.</param>
public sealed record ConditionClass(Condition Category, CirrhosisSubtype? Subtype);

/// <summary>
/// Condition category, in the ctrdata manner, from the conditions, titles and summary of a record.
/// </summary>
/// <remarks>
/// <para>Fields read: the registry conditions and both titles together; the brief summary only when they name no
/// liver condition. Each pattern is looked for in every field; the record takes the first category found in
/// precedence order (acute liver failure, acute-on-chronic liver failure, liver failure unspecified, cirrhosis,
/// fibrosis, liver transplantation, other liver). So a record listing several conditions counts once, under the
/// most acute failure it names, then cirrhosis over fibrosis, and so on. In the summary, "other liver" needs a named liver
/// disease (hepatitis, cholangitis, cholestasis, NAFLD or NASH, portal hypertension, biliary atresia, hepatocellular
/// carcinoma, "liver disease", "liver injury" …): the word "liver" or "hepatic" alone there is most often a liver
/// function test, a drug's metabolism or an organ graft-versus-host disease can reach, not the condition studied; nor
/// does hepatitis listed with HIV or syphilis (the infections screened for or excluded), unless the sentence is about
/// a co-infection. The gallbladder is part of the
/// biliary tract, so a gallbladder disease (cancer, polyps, stones, cholecystitis) named in the conditions or titles is
/// "other liver"; gallbladder surgery or physiology alone is not.</para>
/// <para>Cirrhosis of the kidney ("renal cirrhosis") and fibrosis of other organs are not liver conditions;
/// "fibrosis" counts only next to liver or hepatic. The cirrhosis subtype is the first found of biliary,
/// alcoholic, HBV, HCV, decompensated in the same fields, else unspecified.</para>
/// <para>Fall-through: nothing liver-related in any field gives <c>not_liver</c>. Plausibility-checked against the
/// 87 curated records, not validated.</para>
/// </remarks>
public static partial class ConditionCategory
{
    /// <summary>Labels, colours and display order.</summary>
    public static ValueSet<Condition> Values { get; } = new(
        (Condition.AcuteLiverFailure, "Acute liver failure", "#D55E00"),
        (Condition.AcuteOnChronicLiverFailure, "Acute-on-chronic liver failure", "#E69F00"),
        (Condition.LiverFailureUnspecified, "Liver failure (unspecified)", "#F0E442"),
        (Condition.Cirrhosis, "Cirrhosis", "#0072B2"),
        (Condition.Fibrosis, "Fibrosis", "#56B4E9"),
        (Condition.LiverTransplantation, "Liver transplantation", "#009E73"),
        (Condition.OtherLiver, "Other liver condition", "#CC79A7"),
        (Condition.NotLiver, "Not a liver condition", Palette.Unknown));

    /// <summary>Labels, colours and display order of the cirrhosis subtypes.</summary>
    public static ValueSet<CirrhosisSubtype> Subtypes { get; } = new(
        (CirrhosisSubtype.Biliary, "Biliary", "#08306B"),
        (CirrhosisSubtype.Alcoholic, "Alcoholic", "#08519C"),
        (CirrhosisSubtype.Hbv, "HBV-related", "#2171B5"),
        (CirrhosisSubtype.Hcv, "HCV-related", "#4292C6"),
        (CirrhosisSubtype.Decompensated, "Decompensated", "#6BAED6"),
        (CirrhosisSubtype.Unspecified, "Unspecified", "#9ECAE1"));

    private static readonly (Condition Category, Regex Pattern)[] Rules =
    [
        (Condition.AcuteLiverFailure, AcuteFailure()),
        (Condition.AcuteOnChronicLiverFailure, AcuteOnChronic()),
        (Condition.LiverFailureUnspecified, Failure()),
        (Condition.Cirrhosis, CirrhosisPattern()),
        (Condition.Fibrosis, FibrosisPattern()),
        (Condition.LiverTransplantation, Transplant()),
        (Condition.OtherLiver, OtherLiverPattern()),
    ];

    /// <summary>
    /// The rules for a summary, read only when the conditions and titles name no liver condition: a summary names the
    /// liver for many reasons (liver function tests, a drug "metabolized in the liver", GVHD of the skin and liver), so
    /// there only a named liver disease counts, not the word "liver" or "hepatic" alone.
    /// </summary>
    private static readonly (Condition Category, Regex Pattern)[] SummaryRules =
    [
        .. Rules.Where(r => r.Category != Condition.OtherLiver),
        (Condition.OtherLiver, LiverDisease()),
    ];

    private static readonly (CirrhosisSubtype Subtype, Regex Pattern)[] SubtypeRules =
    [
        (CirrhosisSubtype.Biliary, BiliarySubtype()),
        (CirrhosisSubtype.Alcoholic, AlcoholSubtype()),
        (CirrhosisSubtype.Hbv, HbvSubtype()),
        (CirrhosisSubtype.Hcv, HcvSubtype()),
        (CirrhosisSubtype.Decompensated, DecompensatedSubtype()),
    ];

    /// <summary>Classifies the condition of a record from its text.</summary>
    public static Classified<ConditionClass> Classify(StudyText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Folded();
        var primary = text.Conditions.Concat(text.Titles).ToList();
        var summary = new[] { text.Summary }.OfType<string>().ToList();
        return Find(primary, Rules) ?? Find(summary, SummaryRules) ?? new(new ConditionClass(Condition.NotLiver, null), null);
    }

    private static Classified<ConditionClass>? Find(List<string> fields, (Condition Category, Regex Pattern)[] rules)
    {
        if (!fields.Any(f => AnyLiverWord().IsMatch(f)))
        {
            return null; // every rule below needs one of these words: one scan instead of seven
        }
        foreach (var (category, pattern) in rules)
        {
            foreach (var field in fields)
            {
                var match = pattern.Match(field);
                if (match.Success)
                {
                    var subtype = category == Condition.Cirrhosis ? SubtypeOf(fields) : (CirrhosisSubtype?)null;
                    return new(new ConditionClass(category, subtype), StudyText.Snippet(field, match.Index, match.Length, 20));
                }
            }
        }
        return null;
    }

    private static CirrhosisSubtype SubtypeOf(List<string> fields) =>
        SubtypeRules.FirstOrDefault(r => fields.Any(f => r.Pattern.IsMatch(f))) is { Pattern: not null } rule
            ? rule.Subtype
            : CirrhosisSubtype.Unspecified;

    [GeneratedRegex(@"(?<!on[\s-]chronic[\s-])\bacute[\s-]+(?:liver|hepatic)[\s-]+failure|\bfulminant[\s-]+(?:hepatic|liver|hepatitis)|\b(?-i:ALF)\b|(?:liver|hepatic)\s+failure,\s+acute\b(?![\s-]+on)", RegexOptions.IgnoreCase)]
    private static partial Regex AcuteFailure();

    [GeneratedRegex(@"\bacute[\s-]+on[\s-]+chronic|\bACLF\b", RegexOptions.IgnoreCase)]
    private static partial Regex AcuteOnChronic();

    [GeneratedRegex(@"\b(?:liver|hepatic)[\s-]+(?:failure|insufficiency)|\bend[\s-]+stage[\s-]+liver|\bESLD\b", RegexOptions.IgnoreCase)]
    private static partial Regex Failure();

    [GeneratedRegex(@"(?<!\b(?:renal|kidney|cardiac|pulmonary)\s+)\bcirrho(?:sis|ses|tic)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CirrhosisPattern();

    [GeneratedRegex(@"\b(?:liver|hepatic)[\s-]+fibrosis\b|\bfibrosis\s+of\s+(?:the\s+)?liver\b", RegexOptions.IgnoreCase)]
    private static partial Regex FibrosisPattern();

    [GeneratedRegex(@"\b(?:liver|hepatic)[\s-]+transplant", RegexOptions.IgnoreCase)]
    private static partial Regex Transplant();

    [GeneratedRegex(@"\bliver\b|\bhepat|\bbiliary\b|\bgall[\s-]?bladder\s+(?:(?:benign\s+)?diseases?|cancers?|carcinomas?|neoplasms?|tumou?rs?|polyps?|stones?)\b|\bgallstones?\b|\bchole(?:cystitis|lithiasis)\b|\bcholangi|\bcholesta|\bwilson'?s?\s+disease|\bNAFLD\b|\b(?-i:NASH)\b|\bsteatohepatitis\b|\bportal\s+hypertension\b", RegexOptions.IgnoreCase)]
    private static partial Regex OtherLiverPattern();

    [GeneratedRegex(@"(?<=\bco-?infect[^.;]{0,60})\bhepatitis\b|(?<!\b(?:HIV|syphilis)\b(?:[\s)]+\w+)?[\s)]*(?:,|/|\band\b|\bor\b)[^.;]{0,30})\bhepatitis\b(?![^.;]{0,30}(?:,|/|\band\b|\bor\b)\s*(?:HIV|syphilis)\b)|\bcholangi|\bcholesta|\bwilson'?s?\s+disease|\bNAFLD\b|\b(?-i:NASH)\b|\bsteatohepatitis\b|\bportal\s+hypertension\b|\bbiliary\s+atresia\b|\b(?:liver|hepatic)\s+(?:diseases?|cancers?|tumou?rs?|injury)\b|\bhepatocellular\b|\bhepatoblastoma\b", RegexOptions.IgnoreCase)]
    private static partial Regex LiverDisease();

    [GeneratedRegex(@"liver|hepat|cirrho|fibrosis|biliar|gall|chole|cholang|cholesta|wilson|NAFLD|NASH|steatohepat|portal|fulminant|ESLD|ALF|ACLF|end[\s-]+stage|acute[\s-]+on[\s-]+chronic", RegexOptions.IgnoreCase)]
    private static partial Regex AnyLiverWord();

    [GeneratedRegex(@"\bbiliary\s+cirrho|\bprimary\s+biliary\b|\bPBC\b", RegexOptions.IgnoreCase)]
    private static partial Regex BiliarySubtype();

    [GeneratedRegex(@"\balcohol", RegexOptions.IgnoreCase)]
    private static partial Regex AlcoholSubtype();

    [GeneratedRegex(@"\bhepatitis\s+B\b|\bHBV\b", RegexOptions.IgnoreCase)]
    private static partial Regex HbvSubtype();

    [GeneratedRegex(@"\bhepatitis\s+C\b|\bHCV\b", RegexOptions.IgnoreCase)]
    private static partial Regex HcvSubtype();

    [GeneratedRegex(@"\bdecompensat", RegexOptions.IgnoreCase)]
    private static partial Regex DecompensatedSubtype();
}
