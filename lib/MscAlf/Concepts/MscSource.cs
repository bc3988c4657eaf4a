using System.Text.RegularExpressions;
using MscAlf.Codes;

namespace MscAlf.Concepts;

/// <summary>
/// MSC source, in the ctrdata manner: the tissue the administered MSCs come from, classified from registry
/// text into the project's code set (<see cref="MscSourceCode"/>).
/// </summary>
/// <remarks>
/// <para>Fields read, in order: intervention names and descriptions; then the brief and official titles; then
/// the brief summary. The first of these three groups that names a tissue next to an MSC term decides.</para>
/// <para>A tissue counts when it is written as an MSC abbreviation (UC-MSC, BM-MSC, WJ-MSC, ADSC, …) or appears
/// within 120 characters of an MSC term (mesenchymal, MSC, stromal cell, exosome, extracellular vesicle,
/// secretome, ABCB5) in the same field. Wharton's jelly is umbilical cord; cord blood is its own tissue ("umbilical
/// cord blood" is not umbilical cord). Two or more distinct tissues in the deciding group give <c>mixed</c>.</para>
/// <para>Fall-through: an MSC term but no tissue anywhere gives <c>unspecified</c>; no MSC term at all gives
/// <c>not_applicable</c> (no MSCs given). "Stem cell" alone is not an MSC term, so a haematopoietic stem-cell
/// trial is not read as MSCs. The rule is plausibility-checked against the curated sources of data/trials.csv
/// (agreement printed by the tests and noted in the README), not validated.</para>
/// </remarks>
public static partial class MscSource
{
    private const int Window = 120;

    /// <summary>Labels, colours and display order of the shared code set.</summary>
    public static ValueSet<MscSourceCode> Values { get; } = new(
        (MscSourceCode.BoneMarrow, "Bone marrow", "#0072B2"),
        (MscSourceCode.UmbilicalCord, "Umbilical cord", "#E69F00"),
        (MscSourceCode.CordBlood, "Cord blood", "#D55E00"),
        (MscSourceCode.Adipose, "Adipose tissue", "#009E73"),
        (MscSourceCode.Placenta, "Placenta", "#CC79A7"),
        (MscSourceCode.Amniotic, "Amnion / amniotic fluid", "#56B4E9"),
        (MscSourceCode.MenstrualBlood, "Menstrual blood", "#B15928"),
        (MscSourceCode.DentalPulp, "Dental pulp", "#BCBD22"),
        (MscSourceCode.Skin, "Skin", "#8C564B"),
        (MscSourceCode.IpscDerived, "iPSC-derived", "#6A3D9A"),
        (MscSourceCode.Other, "Other tissue", "#17BECF"),
        (MscSourceCode.Mixed, "Mixed (two or more)", "#000000"),
        (MscSourceCode.Unspecified, "Unspecified", Palette.Unknown),
        (MscSourceCode.NotApplicable, "Not applicable (no MSCs)", "#D9D9D9"));

    private static readonly (MscSourceCode Code, Regex Pattern)[] Tissues =
    [
        (MscSourceCode.CordBlood, CordBlood()),
        (MscSourceCode.UmbilicalCord, UmbilicalCord()),
        (MscSourceCode.BoneMarrow, BoneMarrow()),
        (MscSourceCode.Adipose, Adipose()),
        (MscSourceCode.Placenta, Placenta()),
        (MscSourceCode.Amniotic, Amniotic()),
        (MscSourceCode.MenstrualBlood, MenstrualBlood()),
        (MscSourceCode.DentalPulp, DentalPulp()),
        (MscSourceCode.Skin, Skin()),
        (MscSourceCode.IpscDerived, Ipsc()),
        (MscSourceCode.Other, OtherTissue()),
    ];

    /// <summary>Classifies the MSC source of a record from its text.</summary>
    public static Classified<MscSourceCode> Classify(StudyText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        IEnumerable<string>[] groups = [text.Interventions, text.Titles, new[] { text.Summary }.OfType<string>()];
        foreach (var group in groups)
        {
            var found = group.SelectMany(FindTissues).ToList();
            var distinct = found.Select(f => f.Code).Distinct().ToList();
            if (distinct.Count > 0)
            {
                var evidence = string.Join(" || ", found.DistinctBy(f => f.Code).Select(f => f.Evidence));
                return new(distinct.Count == 1 ? distinct[0] : MscSourceCode.Mixed, evidence);
            }
        }
        var mention = groups.SelectMany(g => g).Select(f => (Field: f, Match: MscTerm().Match(f))).FirstOrDefault(m => m.Match.Success);
        return mention.Field is null
            ? new(MscSourceCode.NotApplicable, null)
            : new(MscSourceCode.Unspecified, StudyText.Snippet(mention.Field, mention.Match.Index, mention.Match.Length));
    }

    private static IEnumerable<(MscSourceCode Code, string Evidence)> FindTissues(string field)
    {
        var terms = MscTerm().Matches(field).Select(m => (m.Index, End: m.Index + m.Length)).ToList();
        if (terms.Count == 0)
        {
            yield break;
        }
        var taken = new List<(int Start, int End)>();
        foreach (var (code, pattern) in Tissues)
        {
            foreach (Match match in pattern.Matches(field))
            {
                var (start, end) = (match.Index, match.Index + match.Length);
                var overlaps = taken.Any(t => start < t.End && t.Start < end); // "cord blood" hides "umbilical cord"
                var near = terms.Any(t => t.Index - end <= Window && start - t.End <= Window);
                if (!overlaps && near)
                {
                    taken.Add((start, end));
                    yield return (code, StudyText.Snippet(field, match.Index, match.Length));
                }
            }
        }
    }

    [GeneratedRegex(@"\bmesenchyma|\b\w*-?MSCs?\b|\bMSC|\bstromal\b|\bexosom|\bextracellular\s+vesicle|\bsecretome|\bADSCs?\b|\bBMSCs?\b|\bDPSCs?\b|\bmultipotent\s+(adult\s+)?progenitor|\bABCB5\b", RegexOptions.IgnoreCase)]
    private static partial Regex MscTerm();

    [GeneratedRegex(@"\b(?:(?:human\s+)?umbilical[\s-]+)?cord[\s-]+blood\b|\bh?UCB[\s-]?(?:MSC|derived)", RegexOptions.IgnoreCase)]
    private static partial Regex CordBlood();

    [GeneratedRegex(@"\bumbilical(?:[\s-]+cord)?\b|\bwharton'?s?[\s-]+jelly\b|\b(?:h|hu)?(?:UC|WJ)[\s-]?MSCs?\b|\b(?:h|hu)?(?:UC|WJ)\b(?=[\s-]+(?:derived\s+)?mesenchymal)|\bUMSCs?\b|\bcord[\s-]+tissue\b", RegexOptions.IgnoreCase)]
    private static partial Regex UmbilicalCord();

    [GeneratedRegex(@"\bbone[\s-]+marrow\b|\b(?:h)?BM[\s-]?(?:MSCs?|derived)\b|\bh?BM\b(?=[\s-]+(?:derived\s+)?mesenchymal)|\bBMSCs?\b|\bmarrow[\s-]+derived\b", RegexOptions.IgnoreCase)]
    private static partial Regex BoneMarrow();

    [GeneratedRegex(@"\badipose\b|\bAD[\s-]?MSCs?\b|\bAD\b(?=[\s-]+(?:derived\s+)?mesenchymal)|\bADSCs?\b|\bfat[\s-]+derived\b|\blipoaspirate|\bstromal\s+vascular\s+fraction\b", RegexOptions.IgnoreCase)]
    private static partial Regex Adipose();

    [GeneratedRegex(@"\bplacenta|\bdecidua|\bchorion(?:ic)?\b|\bPD[\s-]?MSCs?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Placenta();

    [GeneratedRegex(@"\bamnio(?:n|tic)\b|\bAM[\s-]?MSCs?\b|\bAF[\s-]?MSCs?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Amniotic();

    [GeneratedRegex(@"\bmenstrual\b|\bmenstrual[\s-]+blood\b|\bendometrial\s+regenerative\b", RegexOptions.IgnoreCase)]
    private static partial Regex MenstrualBlood();

    [GeneratedRegex(@"\bdental[\s-]+pulp\b|\bDPSCs?\b|\bdeciduous\s+teeth\b|\bexfoliated\s+deciduous\b", RegexOptions.IgnoreCase)]
    private static partial Regex DentalPulp();

    [GeneratedRegex(@"\bABCB5\b|\bdermal\b|\bdermis\b|\bskin[\s-]+derived\b", RegexOptions.IgnoreCase)]
    private static partial Regex Skin();

    [GeneratedRegex(@"\biPSCs?\b|\biPS[\s-]+cells?\b|\binduced\s+pluripotent\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ipsc();

    [GeneratedRegex(@"\bsynovi(?:al|um)\b|\btonsil|\bmuscle[\s-]+derived\b|\bembryonic\s+stem\b|\bESCs?[\s-]+derived\b|\bESCs?-MSCs?\b|\bolfactory\b|\bperiosteum\b|\bliver[\s-]+derived\s+(?:progenitor|stem|mesenchymal)", RegexOptions.IgnoreCase)]
    private static partial Regex OtherTissue();
}
