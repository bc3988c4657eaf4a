using System.Text.RegularExpressions;
using MscAlf.Codes;

namespace MscAlf.Concepts;

/// <summary>
/// MSC source, in the ctrdata manner: the tissue the administered MSCs come from, classified from registry
/// text into the project's code set (<see cref="MscSourceCode"/>).
/// </summary>
/// <remarks>
/// <para>Text is folded first (<see cref="TextFold"/>: typographic apostrophes and accents, NFKC). An observational
/// study gives no cells, so it is <c>not_applicable</c>, unless it names MSCs given (an observational cohort of
/// patients "after autologous MSC transplantation", "micro-fragmented adipose tissue is injected", or a "follow-up" of
/// MSCs) in its titles, interventions or arms, or
/// in a summary sentence about its own participants. A study whose title is about collecting, donating or banking
/// tissue or cells ("Collection of Bone Marrow From Healthy Volunteers", "Cell Bank", "Donor Protocol") gives none
/// either.</para>
/// <para>Fields are weighed by where the tissue is named, in three groups: the interventions and arm groups (what is
/// given), then the brief and official titles, then the brief summary without its background sentences (sentences
/// about previous studies, animal models (rat, mouse, porcine, canine) or in-vitro work) and, for the tissue, without sentences that list where MSCs can come
/// from or name two tissues at once. The first group that names a tissue decides; a tissue named only in the background
/// never does. When none of them names a tissue, a full record's detailed description may: only its sentences about the
/// study itself ("will", "we", the participants), about what is done with the cells (obtained, isolated, injected, their
/// administration …) or about what the product holds ("the main component of … is"), and not those about background,
/// other studies or trials, cited work, the tissues MSCs can come from in general, or two tissues at once (a list or a
/// comparison).</para>
/// <para>A tissue counts when it is written as an MSC abbreviation (UC-MSC, BM-MSC, WJ-MSC, ADSC, …), appears within
/// 120 characters of an MSC term (mesenchymal, MSC, stromal cells, exosome, extracellular vesicle, secretome) in the
/// same field, names its own stem or stromal cells where that tissue's cultured cells are MSCs ("adipose-derived stem
/// cells", "umbilical cord stem cells", "Wharton's jelly cells", placenta, amnion, dental pulp, menstrual blood;
/// "marrow stromal cells"), or is where the cells are taken from ("obtained from the bone marrow", "bone marrow
/// harvest") in a record that names MSCs. Abbreviations may start with <c>h</c> for human (hUC-MSC, hADSC, hBMSC …).
/// A tissue followed by regeneration, repair, reconstruction, defect, failure or engineering is what is treated, not the
/// source, and does not count; nor do a tissue's own progenitors ("rescue of bone marrow progenitors"), nor a tissue
/// named as the source of mononuclear cells (BM-MNC), which are not MSCs, unless the MSCs are named with them ("bone
/// marrow-derived mononuclear cells and mesenchymal stem cells"),
/// any tissue in an intervention that gives mononuclear cells and no MSCs, or a tissue given as a graft (a bone marrow or
/// cord blood transplant, a cord blood unit, a fat graft, a periosteal flap) unless the tissue is written onto the MSC
/// term ("HUC-MSC transplantation"). Wharton's jelly is umbilical cord; cord blood is its own tissue ("umbilical cord
/// blood" is not umbilical cord), and because it is mostly the haematopoietic graft that MSCs are given with, it counts
/// only when written onto the MSC term ("cord blood-derived MSCs", "hUCB-MSCs") or as where they are taken from ("from
/// cord blood"; not "cord blood cells expanded"). Cells expanded or cultured from another tissue ("bone marrow cells
/// expanded") name their source. "Menstrual" names a tissue only as menstrual blood or its cells; oral mucosa (only when
/// written onto the MSC term or as where the cells are taken from: "treatment of oral mucosa" is a site) and gingival
/// MSCs are <c>other</c>; a fat biopsy, fat tissue or liposuction is adipose, and stromal vascular fraction (SVF, at-SVF),
/// micro-fragmented adipose tissue and Lipogems are adipose MSC preparations, as the labelling rules count them. An
/// amniotic membrane is a carrier or a graft, not a source, unless written onto the MSC term ("amniotic
/// membrane-derived MSCs") or named as where the cells are taken from. ABCB5 names MSCs only as "ABCB5-positive … cells"
/// (not as a tumour marker) and names no tissue. Two or more distinct tissues in the deciding group give
/// <c>mixed</c>, except that when the interventions and arms name two or more and the titles name exactly one of them,
/// that one decides (the placenta a cord is harvested from, an intervention name contradicting the titles and arms). Autologous MSCs whose tissue no field names are adipose when a sentence about the study (not other work)
/// takes fat from the participants ("take fat biopsy", liposuction), the only tissue collected for the cells.</para>
/// <para>Marrow or skin given as it comes is not MSCs, whatever the record calls it: when the interventions, arms or titles
/// name a bone marrow concentrate (BMAC, BMC, "concentrated … MSCs"), a bone marrow aspirate given as such (not "MSCs
/// derived from bone marrow aspirates"), cells separated on Ficoll or by a Sepax, a "one-step procedure", or cells said
/// to be unprocessed, uncultured or non-cultured, and no part of the record names culture or expansion (a sterility or "BMAC culture" of the product is a
/// test, not cell culture), bone marrow and skin are not MSC sources, and a
/// record that names no other tissue is <c>not_applicable</c>.</para>
/// <para>A record that lists interventions or arms naming no MSCs, no cells, no MSC tissue and no listed product, and names
/// MSCs only in its summary, is an MSC study only when a summary sentence says MSCs are given or defines one of the
/// interventions as them: otherwise the summary is about MSCs measured, studied or compared (a full registry record's
/// summary of a drug, surgery or biomaterial trial).</para>
/// <para>Exosomes, extracellular vesicles and a secretome are MSC products only in a record that names MSCs or stem cells
/// somewhere (its description included): in the registry at large most exosome trials measure vesicles in blood, urine or
/// tissue, or give those of other cells or of plants, so a record naming them and no MSCs or stem cells is
/// <c>not_applicable</c>, whatever tissue is written near them.</para>
/// <para>Fall-through: an MSC term (outside background sentences) but no tissue gives <c>unspecified</c>; no MSC
/// term at all gives <c>not_applicable</c> (no MSCs given). "Stem cell" alone is not an MSC term, so a haematopoietic
/// stem-cell trial ("bone marrow stem cell transplantation") is not read as MSCs; nor are a "gastrointestinal stromal
/// tumour", the "mesenchymal subtype" of a cancer, an epithelial-to-mesenchymal transition (or the reverse, as in the
/// MET receptor, "mesenchymal-epithelial transition factor"), mesenchymal markers, genes or phenotypes of tumour cells,
/// a mesenchymal hamartoma, sarcoma or liver tumour, a tumour "of mesenchymal origin", "mesenchymal" circulating tumour
/// cells (CTCs, "circulating tumour cells") or fibroblasts, "mesenchymal" closing a bracketed list of tumour types, corneal "stromal" tissue or
/// ABCB5-positive limbal (epithelial) stem cells; "epithelial and mesenchymal stem cells" still names MSCs. Two
/// misspellings met in registry records are read as meant: "mensenchymal", and "adipost" for adipose.</para>
/// <para>"MSC" counts alone or with a prefix ("UC-MSCs", "hMSC", "MSC_Apceth", "MSC11FCD"), not inside another
/// abbreviation or code: non-melanoma skin cancer (NMSC), multislice CT (MSCT, MSCTA), MSCC, the degrees MSc and DMSc,
/// compound codes of five or more digits (MSC2490484A). A record whose only MSC word is the bare abbreviation and which
/// spells it out as something else ("Mindful Self-Compassion (MSC)") gives no MSCs.</para>
/// <para>A record that names a product of the MSC product list (<see cref="MscProduct"/>: Prochymal, Alofisel, Cartistem …)
/// in the same fields, outside background sentences, names MSCs. Its class is still what the record says: the tissue its
/// own text names, else <c>unspecified</c>, with the product, its documented tissue and the source in the evidence (the
/// list's tissue is never taken as the record's). An observational study counts as giving MSCs when its interventions or
/// arms name a listed product (participants followed up after receiving it); one that names a product elsewhere but no MSCs
/// given stays <c>not_applicable</c>. A product missing from the list is not recognised; a user's own list
/// (<see cref="MscProductList.WithFile"/>, <c>import --products</c>) adds the products their sources document. The rule is
/// plausibility-checked against the curated sources of data/trials.csv and a hand-labelled set of other registry records
/// (docs/classifiers.md), not validated.</para>
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

    /// <summary>Tissues whose own "stem cells" or "stromal cells" are MSCs when cultured.</summary>
    private static bool IsMscTissue(MscSourceCode code) =>
        code is MscSourceCode.UmbilicalCord or MscSourceCode.Adipose or MscSourceCode.Placenta or MscSourceCode.Amniotic
            or MscSourceCode.MenstrualBlood or MscSourceCode.DentalPulp;

    /// <summary>Classifies the MSC source of a record from its text.</summary>
    /// <param name="text">The record's text.</param>
    /// <param name="products">The MSC product list (default: the library's own, <see cref="MscProductList.Builtin"/>; a
    /// user's list adds the products their sources document).</param>
    public static Classified<MscSourceCode> Classify(StudyText text, MscProductList? products = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        products ??= MscProductList.Builtin;
        text = text.Folded();
        IEnumerable<string>[] groups = [text.Interventions.Concat(text.Arms), text.Titles, Foreground(text.Summary)];
        // The summary is cut into sentences only when a sentence could name MSCs: every pattern that finds a mention
        // or a given MSC needs an MSC word or "cell", and a sentence holding one makes the whole summary hold it.
        var searched = text.Summary is { } summary && (MscWord().IsMatch(summary) || summary.Contains("cell", StringComparison.OrdinalIgnoreCase))
            ? groups : groups[..2];
        // An observational study's interventions are what its participants were exposed to: a listed MSC product there was
        // given (the follow-up of an earlier trial), while an MSC term there may be a sample or a lab assay.
        var (product, productGroup) = ProductIn(groups, text.Summary, products);
        if (IsObservational(text.StudyType) && !(product is not null && productGroup == 0) && !groups[0].Any(f => Dose().IsMatch(f) && MscMention(f) is not null)
            && !searched.SelectMany((g, i) => g.Where(f => i < 2 || ThisStudy().IsMatch(f))).Any(f => MscWord().IsMatch(f) && Given().IsMatch(f)))
        {
            return new(MscSourceCode.NotApplicable, "observational study that names no MSCs given (transplanted, infused, injected …) and no MSC product as its intervention");
        }
        if (text.Titles.Select(t => Collection().Match(t)).FirstOrDefault(m => m.Success) is { } collection)
        {
            return new(MscSourceCode.NotApplicable, "a study that collects tissue or cells for MSCs, giving none: " + collection.Value);
        }
        var mention = searched.SelectMany((g, i) => g.Select(f => (Group: i, Field: f, Match: MscMention(f)))).FirstOrDefault(m => m.Match is not null);
        if (mention.Field is null && product is null)
        {
            return new(MscSourceCode.NotApplicable, null); // no MSC term, no tissue naming its own cells, no listed product
        }
        if (product is null && ProductsWithoutCells(text, mention.Match) is { } withoutCells)
        {
            return withoutCells;
        }
        if (product is null && OtherMeaningOfMsc(text, mention.Match) is { } otherMeaning)
        {
            return otherMeaning;
        }
        // A record that lists what it gives but names MSCs (or a product) only in its summary may be about MSCs measured,
        // studied or compared: the summary must say they are given, unless the interventions name cells or an MSC tissue.
        if (text.Interventions.Count + text.Arms.Count > 0 && (mention.Field is null || mention.Group == 2)
            && (product is null || productGroup == 2) && !groups[0].Any(NamesCellsOrAnMscTissue) && !SummaryGivesMscs(groups[0], groups[2]))
        {
            return new(MscSourceCode.NotApplicable, "the interventions, arms and titles name no MSCs or cells, and the summary names MSCs without saying they are given");
        }
        if (TissueOf(text, groups) is { } tissue)
        {
            return tissue;
        }
        // The record names MSCs or an MSC product but no tissue: unspecified, whatever tissue the product's sources give.
        string?[] said = [product?.Evidence, mention.Field is null ? null : StudyText.Snippet(mention.Field, mention.Match!.Index, mention.Match.Length)];
        return new(MscSourceCode.Unspecified, string.Join(" || ", said.OfType<string>()));
    }

    /// <summary>
    /// <c>not_applicable</c> when the first MSC mention is exosomes, vesicles or a secretome and no field of the record (its
    /// folded description included) names MSCs or stem cells: most exosome trials in the registry measure vesicles in
    /// blood or urine, or give those of other cells or of plants. Null otherwise.
    /// </summary>
    private static Classified<MscSourceCode>? ProductsWithoutCells(StudyText text, Match? first)
    {
        if (first is null || !ProductWord().IsMatch(first.Value))
        {
            return null;
        }
        return EveryField(text).Any(f => MscCells().IsMatch(f))
            ? null
            : new(MscSourceCode.NotApplicable, "exosomes, vesicles or a secretome named, and no MSCs or stem cells anywhere in the record: " + first.Value);
    }

    /// <summary>
    /// <c>not_applicable</c> when the first MSC mention is the bare abbreviation "MSC(s)", no field (its folded description
    /// included) names MSCs or stem cells in words, and the record spells the abbreviation out as something else: "(MSC)"
    /// after three words whose initials are M, S and C ("Mindful Self-Compassion (MSC)", "Manukau Surgical Centre (MSC)",
    /// "moist snuff consumers (MSC)"), not "treatment group (MSC)" or "Arm A (MSC)". Null otherwise.
    /// </summary>
    private static Classified<MscSourceCode>? OtherMeaningOfMsc(StudyText text, Match? first)
    {
        if (first is null || !BareMsc().IsMatch(first.Value))
        {
            return null;
        }
        var fields = new List<string>();
        foreach (var field in EveryField(text))
        {
            if (MscInWords().IsMatch(field))
            {
                return null; // most records reaching here say "mesenchymal" before the description needs folding
            }
            fields.Add(field);
        }
        foreach (var field in fields)
        {
            foreach (Match bracket in MscInBrackets().Matches(field))
            {
                if (SpellsOutMsc(field.AsSpan(0, bracket.Index)))
                {
                    return new(MscSourceCode.NotApplicable, "MSC stands for something else in this record: "
                        + StudyText.Snippet(field, bracket.Index, bracket.Length));
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Whether the text before "(MSC)" ends in three words with the initials M, S, C, the last not "cell(s)"; hyphenated
    /// words count as several ("Self-Compassion"), one-letter words and small words ("of", "the") are skipped.
    /// </summary>
    private static bool SpellsOutMsc(ReadOnlySpan<char> before)
    {
        const string initials = "msc";
        var wanted = initials.Length - 1;
        var end = before.Length;
        while (end > 0 && wanted >= 0)
        {
            var stop = end;
            while (stop > 0 && !char.IsLetter(before[stop - 1]))
            {
                stop--;
            }
            var start = stop;
            while (start > 0 && char.IsLetter(before[start - 1]))
            {
                start--;
            }
            var word = before[start..stop];
            end = start;
            if (word.Length < 2 || SmallWords.Contains(word.ToString()))
            {
                continue;
            }
            if (char.ToLowerInvariant(word[0]) != initials[wanted]
                || (wanted == initials.Length - 1 && word.StartsWith("cell", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
            wanted--;
        }
        return wanted < 0;
    }

    private static readonly HashSet<string> SmallWords = new(["of", "the", "and", "for", "in", "on", "to", "with", "an"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The tissue of the MSCs in a record that names them: from the first group that names one, else from the detailed
    /// description; <c>not_applicable</c> for marrow or skin given as it comes; null when no tissue is named.
    /// </summary>
    private static Classified<MscSourceCode>? TissueOf(StudyText text, IEnumerable<string>[] groups)
    {
        // Marrow or skin given as it comes (a concentrate, an aspirate, cells said to be unprocessed or non-cultured) is not
        // MSCs, whatever the record calls it, unless the record names culture somewhere.
        string? description = null; // folded once, and only if read: most records never need it
        string? Description() => description ??= text.Description is null ? null : TextFold.Fold(text.Description);
        var asItComes = groups[0].Concat(groups[1]).Select(f => AsItComes().Match(f)).FirstOrDefault(m => m.Success) is { } given
            && !IsCultured(text, Description()) ? given : null;
        var skip = asItComes is null ? 0 : (1 << (int)MscSourceCode.BoneMarrow) | (1 << (int)MscSourceCode.Skin);
        // The summary's sentences, like the description's, leave out lists of sources and sentences naming two tissues.
        if ((OneProductTissue(groups[0], groups[1], skip) ?? TissuesIn(groups[1], skip, "", false)
                ?? TissuesIn(groups[2].Where(s => !SourceList().IsMatch(s)), skip, "", true)) is { } named)
        {
            return named;
        }
        return TissuesIn(Described(Description()), skip, "detailed description: ", true)
            ?? FatTakenForOwnCells(text, groups[2], Description())
            ?? (asItComes is null ? null : new(MscSourceCode.NotApplicable, "marrow or skin cells given without culture, none named: " + asItComes.Value));
    }

    /// <summary>
    /// Adipose for autologous MSCs when no field names their tissue but a sentence about the study's own participants
    /// takes fat from them ("take fat biopsy", liposuction): the only tissue the study collects for its own cells.
    /// </summary>
    private static Classified<MscSourceCode>? FatTakenForOwnCells(StudyText text, IEnumerable<string> summary, string? description)
    {
        if (!OwnFields(text).Any(f => Autologous().IsMatch(f)))
        {
            return null;
        }
        var taken = summary.Concat(Foreground(description)).Where(s => !OtherWork().IsMatch(s))
            .Select(s => FatHarvest().Match(s)).FirstOrDefault(m => m.Success);
        return taken is null ? null : new(MscSourceCode.Adipose, "autologous MSCs, and fat taken from the participants: " + taken.Value);
    }

    /// <summary>
    /// The tissues the interventions and arms name; when they name two or more and the titles name exactly one of them,
    /// that one: a second tissue in a secondary phrase (the placenta a cord is harvested from, a contradicting intervention
    /// name) does not make a product whose titles name one tissue <c>mixed</c>.
    /// </summary>
    private static Classified<MscSourceCode>? OneProductTissue(IEnumerable<string> given, IEnumerable<string> titles, int skip)
    {
        var named = TissuesIn(given, skip, "", false, out var tissues);
        if (named?.Value != MscSourceCode.Mixed || TissuesIn(titles, skip, "", false, out var titled) is not { } title
            || title.Value == MscSourceCode.Mixed || ((tissues & ~skip) & (titled & ~skip)) == 0)
        {
            return named;
        }
        return new(title.Value, "the titles name one of the tissues the interventions and arms name: " + title.Evidence + " || " + named.Evidence);
    }

    private static Classified<MscSourceCode>? TissuesIn(IEnumerable<string> fields, int skip, string where, bool oneEach) =>
        TissuesIn(fields, skip, where, oneEach, out _);

    /// <summary>
    /// The distinct tissues that <paramref name="fields"/> name for MSCs, leaving out the codes in the bit mask
    /// <paramref name="skip"/> and, when <paramref name="oneEach"/>, every field that names two tissues (a list or a
    /// comparison, which does not say which the study gives): one tissue, or <c>mixed</c>, with the evidence of each first
    /// mention; null when none.
    /// </summary>
    private static Classified<MscSourceCode>? TissuesIn(IEnumerable<string> fields, int skip, string where, bool oneEach, out int tissues)
    {
        // The distinct tissues as bits, in plain loops: LINQ over the (code, evidence) pairs would be compiled at run
        // time (measured: docs/performance.md).
        var (found, first, evidence) = (skip, MscSourceCode.Unspecified, new List<string>());
        foreach (var field in fields)
        {
            var named = FindTissues(field).ToList();
            if (oneEach && named.Exists(t => t.Code != named[0].Code))
            {
                continue;
            }
            foreach (var (code, snippet) in named)
            {
                if ((found & (1 << (int)code)) == 0)
                {
                    first = evidence.Count == 0 ? code : first;
                    found |= 1 << (int)code;
                    evidence.Add(where + snippet);
                }
            }
        }
        tissues = found;
        return evidence.Count == 0 ? null : new(evidence.Count == 1 ? first : MscSourceCode.Mixed, string.Join(" || ", evidence));
    }

    /// <summary>
    /// The sentences of a folded detailed description that may name the tissue of the study's own MSCs: tied to the study
    /// ("will", "we", the participants) or saying what is done with the cells, and not background, other work or a list of
    /// the tissues MSCs can come from (sentences naming two tissues are left out where they are read).
    /// </summary>
    private static IEnumerable<string> Described(string? description) =>
        Foreground(description).Where(s => (ThisStudy().IsMatch(s) || Procedure().IsMatch(s)) && !OtherWork().IsMatch(s) && !SourceList().IsMatch(s));

    /// <summary>Whether the record says cells are cultured or expanded anywhere, its folded detailed description included.</summary>
    private static bool IsCultured(StudyText text, string? description) =>
        OwnFields(text).Append(description ?? "").Any(f => Cultured().IsMatch(f));

    /// <summary>Every field of a record but its detailed description, whole (background sentences included).</summary>
    private static IEnumerable<string> OwnFields(StudyText text) =>
        text.Interventions.Concat(text.Arms).Concat(text.Titles).Append(text.Summary ?? "");

    /// <summary>
    /// <see cref="OwnFields"/>, then the folded detailed description: folded only when a caller reads that far, so a
    /// search that stops at a match in another field never folds it.
    /// </summary>
    private static IEnumerable<string> EveryField(StudyText text)
    {
        foreach (var field in OwnFields(text))
        {
            yield return field;
        }
        if (text.Description is not null)
        {
            yield return TextFold.Fold(text.Description);
        }
    }

    /// <summary>
    /// Whether an intervention names cells, or a tissue whose cultured cells are MSCs ("cell transplantation",
    /// "micro-fragmented adipose tissue"): then a summary that names MSCs may be saying which cells are given.
    /// </summary>
    private static bool NamesCellsOrAnMscTissue(string field) =>
        field.Contains("cell", StringComparison.OrdinalIgnoreCase) || Tissues.Any(t => IsMscTissue(t.Code) && t.Pattern.IsMatch(field));

    /// <summary>
    /// Whether a summary sentence that names MSCs says they are given, or defines one of the interventions as them
    /// ("FAB117-HC (a medicinal product containing … mesenchymal stem cells)").
    /// </summary>
    private static bool SummaryGivesMscs(IEnumerable<string> interventions, IEnumerable<string> summary)
    {
        var names = interventions.Select(NameOf).Where(n => n.Length is >= 4 and <= 60).ToList();
        return summary.Any(f => MscWord().IsMatch(f) && (Given().IsMatch(f) || names.Any(n => Defines(f, n))));
    }

    /// <summary>Whether <paramref name="sentence"/> defines <paramref name="name"/> as MSCs: the name, then "(", ",", ":", "is" or "contains" and an MSC word.</summary>
    private static bool Defines(string sentence, string name)
    {
        for (var at = sentence.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = sentence.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var after = sentence.AsSpan(at + name.Length);
            foreach (var link in DefinitionLink().EnumerateMatches(after))
            {
                if (MscWord().IsMatch(after.Slice(link.Length, Math.Min(150, after.Length - link.Length))))
                {
                    return true;
                }
            }
        }
        return false;
    }

    [GeneratedRegex(@"^\W{0,3}(?:\(|,|:|\s+(?:is|are|consists?\s+of|contains?|comprises?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex DefinitionLink();

    /// <summary>An intervention item without its type ("Drug: FAB117-HC" → "FAB117-HC").</summary>
    private static string NameOf(string item) => item.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0 and < 25
        ? item[(colon + 2)..].Trim()
        : item.Trim();

    /// <summary>The fields in the order they are weighed: interventions and arms, titles, the summary without its background.</summary>
    internal static IEnumerable<string> Fields(StudyText folded) =>
        folded.Interventions.Concat(folded.Arms).Concat(folded.Titles).Concat(Foreground(folded.Summary));

    /// <summary>
    /// The first listed product named in the groups, searched in their order, and the group that names it; the summary is
    /// split into sentences only when it names one.
    /// </summary>
    private static (MscProductMention? Product, int Group) ProductIn(IEnumerable<string>[] groups, string? summary, MscProductList products)
    {
        for (var g = 0; g < groups.Length; g++)
        {
            if (g == 2 && (summary is null || products.Find(summary) is null))
            {
                break; // the whole summary first: most name no product, and then it is not cut into sentences
            }
            if (groups[g].Select(products.Find).FirstOrDefault(m => m is not null) is { } named)
            {
                return (named, g);
            }
        }
        return (null, -1);
    }

    private static bool IsObservational(string? type) =>
        type is not null && type.Replace("_", "", StringComparison.Ordinal).Equals("OBSERVATIONAL", StringComparison.OrdinalIgnoreCase);

    /// <summary>The summary's sentences that are not background (previous studies, animal or in-vitro work).</summary>
    private static IEnumerable<string> Foreground(string? summary)
    {
        if (summary is null)
        {
            yield break; // deferred, so a summary no rule needs is never split
        }
        foreach (var sentence in SentenceBreak().Split(summary))
        {
            if (!Background().IsMatch(sentence))
            {
                yield return sentence;
            }
        }
    }

    /// <summary>An MSC term, or a tissue naming its own stem or stromal cells, in <paramref name="field"/>.</summary>
    private static Match? MscMention(string field)
    {
        var term = MscTermIn(field);
        if (term.Success)
        {
            return term;
        }
        if (!field.Contains("cell", StringComparison.OrdinalIgnoreCase))
        {
            return null; // a tissue naming its own cells needs the word
        }
        return Tissues.SelectMany(t => t.Pattern.Matches(field).Select(m => (t.Code, Match: m)))
            .Where(t => NamesOwnCells(t.Code, field, t.Match)).Select(t => t.Match).FirstOrDefault();
    }

    private static bool NamesOwnCells(MscSourceCode code, string field, Match tissue)
    {
        var after = field.AsSpan(tissue.Index + tissue.Length);
        return OwnStromalCells().IsMatch(after) || (IsMscTissue(code) && OwnStemCells().IsMatch(after))
            || (tissue.Value.Contains("jelly", StringComparison.OrdinalIgnoreCase) && JellyCells().IsMatch(after));
    }

    private static IEnumerable<(MscSourceCode Code, string Evidence)> FindTissues(string field)
    {
        var terms = MscWord().IsMatch(field) ? MscTerm().Matches(field).Select(m => (m.Index, End: m.Index + m.Length)).ToList() : [];
        if (terms.Count == 0 && Mononuclear().IsMatch(field))
        {
            yield break; // a field about mononuclear cells and no MSCs: its tissue, even "aspirated", is theirs
        }
        var taken = new List<(int Start, int End)>();
        foreach (var (code, pattern) in Tissues)
        {
            foreach (Match match in pattern.Matches(field))
            {
                var (start, end) = (match.Index, match.Index + match.Length);
                var overlaps = taken.Any(t => start < t.End && t.Start < end);
                taken.Add((start, end)); // a tissue named hides the others it overlaps, used or not: "cord blood" is not umbilical cord
                // "Cord blood cells expanded" or a "cord blood collection" is the haematopoietic graft: only "from cord blood" counts.
                var source = TakenFrom().IsMatch(field.AsSpan(0, start)) || (code != MscSourceCode.CordBlood && Harvest().IsMatch(field.AsSpan(end)));
                var isTerm = terms.Any(t => t.Index < end && t.End > start); // "BM-MSC", "hUCB-MSCs": the tissue is written onto the MSCs
                if (overlaps || (!source && (Target().IsMatch(field.AsSpan(end)) || (!isTerm && Graft().IsMatch(field.AsSpan(end))))))
                {
                    continue; // "dental pulp regeneration", "bone marrow failure", "BM-MNC": not where the MSCs come from
                }
                // Cord blood is mostly a haematopoietic graft given with MSCs, and the oral mucosa a site treated: each is their
                // source only when written onto them or named as where they are taken from.
                var near = code == MscSourceCode.CordBlood || match.Value.StartsWith("oral", StringComparison.OrdinalIgnoreCase)
                    ? isTerm || terms.Any(t => t.Index >= end && OntoTerm().IsMatch(field.AsSpan(end, t.Index - end)))
                    : terms.Any(t => t.Index - end <= Window && start - t.End <= Window);
                if (near || NamesOwnCells(code, field, match) || source)
                {
                    yield return (code, StudyText.Snippet(field, match.Index, match.Length));
                }
            }
        }
    }

    /// <summary>The first MSC term in <paramref name="field"/> (the quick <see cref="MscWord"/> test first).</summary>
    private static Match MscTermIn(string field) => MscWord().IsMatch(field) ? MscTerm().Match(field) : Match.Empty;

    /// <summary>
    /// Words of which every match of <see cref="MscTerm"/> and <see cref="Given"/> holds one (same case rules): a quick
    /// test that lets most fields skip the full patterns, whose <c>\w*-?MSCs?</c> tries every word start.
    /// </summary>
    [GeneratedRegex("mesenchyma|mensenchyma|msc|stromal|exosom|extracellular|secretome|adsc|dpsc|multipotent|abcb5|svf|micro-?f|lipogems", RegexOptions.IgnoreCase)]
    private static partial Regex MscWord();

    [GeneratedRegex(@"\b(?:\w*-?MSCs?|mesenchymal\s+(?:stem|stromal)\s+cells?|stromal\s+cells?|stromal\s+vascular\s+fraction|micro-?fragmented\s+(?:\w+\s+)?(?:adipose|fat)(?:\s+tissue)?|lipogems)\s+(?:for\s+the\s+|(?:is|are|was|were|will\s+be)\s+|\w+\s+)?(?:transplant|infus|inject|administ|implant|engraft|therap|treat)|\b(?:transplant\w*|infusion|injection|administration|implantation|therapy|treatment)\s+(?:with|of|using)\s+(?:[\w-]+\s+){0,5}(?:\w*-?MSCs?\b|mesenchymal)|\b(?:inject|infus|transplant|administ|implant|treat)ed\s+(?:with\s+)?(?:\w+\s+){0,3}(?:\w*-?MSCs?\b|mesenchymal)|\b(?:receive|given)\s+(?:\w+\s+){0,3}(?:\w*-?MSCs?\b|mesenchymal)|\bfollow[\s-]?up\b[^.;]{0,60}\b(?:(?:safety|efficacy|outcomes?|effects?)\s+of|(?:patients|participants|subjects|children|infants|people)\s+(?:given|treated|who\s+(?:received|were\s+given)))\b[^.;]{0,60}(?:\b\w*-?MSCs?\b|mesenchymal)", RegexOptions.IgnoreCase)]
    private static partial Regex Given();

    /// <summary>
    /// Words that tie a sentence of a detailed description to the study itself (what will be done, to whom, by whom), not
    /// to MSCs in general: "will", "we", "this study", the participants, the study product.
    /// </summary>
    [GeneratedRegex(@"\bwill\b|\bwe\b|\b(?:this|present|current)\s+(?:\w+\s+)?(?:study|trial|protocol|project)\b|\b(?:patients|participants|subjects|volunteers|recipients)\b|\b(?:study|investigational)\s+(?:drug|product|treatment|intervention|cells)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThisStudy();

    /// <summary>
    /// Work other than the study's own in a detailed description, which argues from the literature more than a summary
    /// does: studies, trials or reports in the plural, what they "have shown", data from elsewhere, a cited year or reference.
    /// </summary>
    [GeneratedRegex(@"\b(?:studies|trials|reports|publications|experiments)\b|\b(?:have|has)\s+(?:\w+\s+){0,2}(?:resulted|claimed|shown|demonstrated|reported|proven|suggested|indicated|revealed|documented)\b|\bdata\s+from\b|\([^()]{0,80}\b(?:19|20)\d\d[a-z]?\s*\)|\[\d+(?:\s*[,-]\s*\d+)*\]", RegexOptions.IgnoreCase)]
    private static partial Regex OtherWork();

    /// <summary>What is done with the study's cells, in any tense (obtained, isolated, prepared, given …), or what its product holds.</summary>
    [GeneratedRegex(@"\b(?:obtained|isolated|prepared|harvested|collected|aspirated|expanded|cultured|injected|infused|administered|transplanted|implanted|delivered|administration|injection|infusion|component|consists?|contains?|composed|comprises?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Procedure();

    /// <summary>A title about collecting, donating or banking tissue or cells, not giving them.</summary>
    [GeneratedRegex(@"\b(?:collection|procurement|donation|banking)\s+of\s+(?:\w+\s+){0,3}(?:bone\s+marrow|adipose|fat|tissues?|cells|samples?)\s+(?:from|for)\b|\bcell\s+bank\b|\bdonor\s+protocol\b", RegexOptions.IgnoreCase)]
    private static partial Regex Collection();

    /// <summary>A sentence about where MSCs can come from in general ("can be isolated from bone marrow, adipose …").</summary>
    [GeneratedRegex(@"\b(?:can|could|may|might)\s+be\s+(?:\w+\s+)?(?:isolated|obtained|derived|found|harvested|extracted|collected|expanded|sourced)\b|\b(?:various|different|many|several|multiple|other|numerous)\s+(?:\w+\s+)?(?:tissues|sources|organs)\b|\bsuch\s+as\b", RegexOptions.IgnoreCase)]
    private static partial Regex SourceList();

    /// <summary>
    /// Cells given as they come: a bone marrow concentrate ("bone marrow aspirate concentrate", BMAC, BMC, "concentrated …
    /// MSCs"), a bone marrow aspirate, cells separated on Ficoll or by a Sepax, a "one-step procedure", cells said to be
    /// unprocessed, uncultured or non-cultured.
    /// </summary>
    [GeneratedRegex(@"\b(?:bone[\s-]+)?marrow[\s-]+(?:aspirate[\s-]+)?concentrat\w*|\bBMA?Cs?\b|\bconcentrated\s+(?:\w+\s+){0,3}(?:bone[\s-]+marrow|mesenchymal|MSCs?|stem\s+cells?)\b|(?<!\bfrom\s+(?:the\s+|a\s+)?(?:\w+\s+)?)\bbone[\s-]+marrow[\s-]+aspirates?\b|\bun(?:processed|cultured)\b|\bficoll\b|\bnon[\s-]?cultur(?:ed|e[\s-]+expanded)\b|\bwithout\s+(?:\w+\s+)?culture\b|\bone[\s-]+step\s+(?:procedure|surgery|technique)\b|\bsepax\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsItComes();

    /// <summary>Culture or expansion named ("culture-expanded", "ex vivo", "passage 3"), not denied ("non-cultured").</summary>
    [GeneratedRegex(@"(?<!\b(?:non|un)[\s-]?|\bnot\s+(?:be\s+)?|\bwithout\s+(?:\w+\s+)?|\b(?:BMA?C|sterility|bacterial|microbial|fungal|blood)[\s-]+)\bcultur\w*|(?<!\bnon[\s-]?culture[\s-]+)\bexpan(?:ded|sion)\b(?![\s-]+access)|\bpassages?\b|\bex[\s-]+vivo\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cultured();

    /// <summary>What may stand between a tissue and the MSC term it is written onto: "-derived", "(UCB)", one word.</summary>
    [GeneratedRegex(@"^[\s-]*(?:\(\w+\)[\s-]*)?(?:-?derived[\s-]+)?(?:(?!(?:and|or|with|plus|versus|vs)\b)\w+[\s-]+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex OntoTerm();

    [GeneratedRegex(@"\bmononuclear\b|\bMNCs?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Mononuclear();

    /// <summary>A dose of cells ("1x10e7 cells/mL", "2 million cells/kg", "low dose group"): what was given, not a sample.</summary>
    [GeneratedRegex(@"\bdoses?\b|\bcells?\s*/\s*(?:kg|ml)\b|\b\d+(?:[.,]\d+)?\s*(?:x|×|\*)\s*10", RegexOptions.IgnoreCase)]
    private static partial Regex Dose();

    [GeneratedRegex(@"\bautologous\b", RegexOptions.IgnoreCase)]
    private static partial Regex Autologous();

    [GeneratedRegex(@"\b(?:fat|adipose(?:[\s-]+tissue)?)[\s-]+(?:biops\w*|harvest\w*|aspirat\w*)|\blipo?-?suction\b|\blipoaspirat\w*", RegexOptions.IgnoreCase)]
    private static partial Regex FatHarvest();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\b(?:previous(?:ly)?|prior|earlier|recent)\s+(?:\w+\s+)?(?:studies|study|trials?|reports?|work|research)\b|\b(?:have|has|had)\s+been\s+(?:\w+\s+)?(?:shown|reported|used|studied|demonstrated|confirmed|proven|proved|found)\b|\bin\s+(?:animal|preclinical|rodent)|\b(?:rats?|mice|mouse|murine|animal\s+models?)\b|\b(?:porcine|canine|pigs?|dogs?|sheep|ovine)\s+models?\b|\bin\s+vitro\b|\bliterature\b|\bet\s+al\b", RegexOptions.IgnoreCase)]
    private static partial Regex Background();

    [GeneratedRegex(@"^[\s-]*(?:tissue[\s-]+)?(?:-?derived[\s-]+)?(?:(?!blood\b)\w+[\s-]+)?(?:stem|stromal|progenitor|regenerative)[\s-]+cells?\b|^'?s?[\s-]+jelly[\s-]+(?:derived[\s-]+)?cells?\b", RegexOptions.IgnoreCase)]
    private static partial Regex OwnStemCells();

    [GeneratedRegex(@"^[\s-]*(?:-?derived[\s-]+)?(?:mesenchymal[\s-]+)?cells?\b", RegexOptions.IgnoreCase)]
    private static partial Regex JellyCells();

    [GeneratedRegex(@"^[\s-]*(?:-?derived[\s-]+)?stromal[\s-]+(?:stem[\s-]+)?cells?\b", RegexOptions.IgnoreCase)]
    private static partial Regex OwnStromalCells();

    [GeneratedRegex(@"\b(?:obtained|derived|harvested|isolated|collected|taken|aspirated|expanded)\s+from\s+(?:the\s+)?(?:\w+'s\s+|patients?'?\s+|donors?'?\s+|own\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TakenFrom();

    [GeneratedRegex(@"^[\s-]*(?:harvest|aspirat|collection\b|puncture\b)|^[\s-]*(?:-?derived[\s-]+)?(?:\w+[\s-]+)?cells?[\s-]+(?:were[\s-]+|are[\s-]+|will[\s-]+be[\s-]+)?(?:culture[\s-]+)?(?:expanded|cultured)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Harvest();

    /// <summary>
    /// Words after a tissue that make it the target of the treatment, not the cells' source, or the source of other
    /// cells: mononuclear cells (BM-MNC, cord blood MNC) are not MSCs.
    /// </summary>
    [GeneratedRegex(@"^[\s)-]*(?:\(\w+\)[\s-]*)?(?:tissues?[\s-]+)?(?:regeneration|repair|reconstruction|defects?|failure|engineering|differentiation|direction|lineage|niches?)\b|^[\s-]*(?:-?derived[\s-]+)?(?>mononuclear(?:[\s-]+cells?)?|MNCs?)\b(?![\s-]*(?:-?derived|expanded|cultured|isolated))(?![\s-]*(?:\(\w+\)[\s-]*)?(?:and|plus|with|&)[\s-]+(?:mesenchymal[\s-]+(?:stem|stromal)[\s-]+cells?|MSCs?)\b(?![\s-]+(?:\(\w+\)[\s-]+)?(?:(?:derived|obtained|isolated)[\s-]+)?from\b))|^[\s-]*(?:(?:endothelial|h(?:a)?ematopoietic)[\s-]+)?progenitors\b", RegexOptions.IgnoreCase)]
    private static partial Regex Target();

    /// <summary>
    /// Words after a tissue that make it a graft given as such, not the MSCs' source: a bone marrow or cord blood
    /// transplant, a cord blood unit, a fat graft, a periosteal flap.
    /// </summary>
    [GeneratedRegex(@"^[\s)-]*(?:\(\w+\)[\s-]*)?(?:tissues?[\s-]+)?(?:transplant\w*|grafts?|grafting|flaps?|units?|injections?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Graft();

    /// <summary>An MSC term that names the cells (mesenchymal stem cells, MSC, stromal cells, SVF …), not their products.</summary>
    private const string MscCellTerms = @"\bmen?senchymal[\s/()-]+(?:stem|stromal|progenitor|precursor|cells?)\b|(?<!\b(?:epithelial|endothelial|mesothelial)[\s/-]+(?:to[\s-]+|and[\s-]+)?)\bmen?senchyma(?!l[\s/-]*(?:to[\s-]+)?epithelial|l[\s-]+(?:(?:liver|hepatic)[\s-]+)?(?:type|subtype|tumou?rs?|neoplasms?|cancers?|sarcomas?|chondrosarcoma|hamartomas?|lesions?|origin|transitions?|transformation|transdifferentiation|shift|markers?|genes?|phenotypes?|features|characteristics|signatures?|state|plasticity|fibroblasts?)\b|l[\s-]+(?:\([\w-]+\)[\s-]+)?(?:CTCs?|circulating[\s-]+tumou?r)\b|l\s*\](?!\s*(?:stem|stromal|cells?)\b)|l-type|l-like)|\b(?!(?-i:D?MSc)\b|NMSCs?\b)\w*-?MSCs?(?![^\W_\d])(?!\d{5})|(?-i:\bMSC-?TRAIL\b)|\bstromal[\s-]+(?:stem[\s-]+)?cells?\b|\bstromal[\s-]+vascular\b|(?-i:\b(?:at-?)?SVF\b)|\bmicro-?(?:fragmented|fractured)\s+(?:\w+\s+)?(?:adipose|fat)\b|\blipogems\b|\bADSCs?\b|\bBMSCs?\b|\bDPSCs?\b|(?-i:\bh(?:ADSC|BMSC|DPSC)s?\b)|\bmultipotent\s+(adult\s+)?progenitor|\bABCB5[\s-]*(?:positive|\+)[\s-]+(?:(?!limbal)\w+[\s-]+)?(?:stem|stromal|mesenchymal|MSCs?)\b";

    /// <summary>An MSC term: the cells, or their products (exosomes, extracellular vesicles, secretome).</summary>
    [GeneratedRegex(MscCellTerms + @"|\bexosom|\bextracellular\s+vesicle|\bsecretome", RegexOptions.IgnoreCase)]
    private static partial Regex MscTerm();

    /// <summary>MSCs or stem cells named in so many words: what makes exosomes, vesicles or a secretome an MSC product.</summary>
    [GeneratedRegex(MscCellTerms + @"|\bstem[\s-]+cells?\b", RegexOptions.IgnoreCase)]
    private static partial Regex MscCells();

    [GeneratedRegex(@"^(?:exosom|extracellular|secretome)", RegexOptions.IgnoreCase)]
    private static partial Regex ProductWord();

    [GeneratedRegex(@"^MSCs?$", RegexOptions.IgnoreCase)]
    private static partial Regex BareMsc();

    /// <summary>MSCs or stem cells named in words, not by the abbreviation alone (Spanish "mesenquimales" included).</summary>
    [GeneratedRegex(@"\bmen?senchyma|\bmesenquimal|\bstromal[\s-]+(?:stem[\s-]+)?cells?\b|\bstem[\s-]+cells?\b", RegexOptions.IgnoreCase)]
    private static partial Regex MscInWords();

    /// <summary>The abbreviation alone in brackets: "(MSC)", "(MSCs)".</summary>
    [GeneratedRegex(@"\(\s*MSCs?\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex MscInBrackets();

    [GeneratedRegex(@"\b(?:(?:human\s+)?umbilical[\s-]+)?cord[\s-]+blood\b|\bh?UCB[\s-]?(?:MSC|derived)", RegexOptions.IgnoreCase)]
    private static partial Regex CordBlood();

    [GeneratedRegex(@"\bumbilical(?:[\s-]+cord)?\b|\bwharton'?s?[\s-]+jelly\b|\bwharton'?s?\b(?=[\s-]+(?:jelly|derived|mesenchymal|MSC))|\b(?:h|hu)?(?:UC|WJ)[\s-]?MSCs?\b|\b(?:h|hu)?(?:UC|WJ)\b(?=[\s-]+(?:derived\s+)?mesenchymal)|\bh?UMSCs?\b|\bcord[\s-]+tissue\b", RegexOptions.IgnoreCase)]
    private static partial Regex UmbilicalCord();

    [GeneratedRegex(@"\bbone[\s-]+marrows?\b|\b(?:h)?BM[\s-]?(?:MSCs?|derived)\b|\bh?BM\b(?=[\s-]+(?:derived\s+)?mesenchymal)|(?-i:\bBM\b)|(?-i:\b(?:Auto|Allo)BM[\s-]?MSCs?\b)|\bBMSCs?\b|(?-i:\bhBMSCs?\b)|\bmarrow[\s-]+(?:derived|stromal)\b|\bbone[\s-]+mesenchymal\b|\biliac[\s-]+crest[\s-]+(?:derived|aspirate)", RegexOptions.IgnoreCase)]
    private static partial Regex BoneMarrow();

    [GeneratedRegex(@"\badipos[et]\b|\bAD[\s-]?MSCs?\b|\bAD\b(?=[\s-]+(?:derived\s+)?mesenchymal)|(?-i:\bh?AT[\s-]?MSCs?\b|\bh?AT\b(?=[\s-]+(?:derived\s+)?[Mm]esenchymal)|\bhAD[\s-]?MSCs?\b|\bhADSCs?\b)|\bADSCs?\b|\bfat[\s-]+(?:derived|biops\w+|tissue|harvest\w*|pads?)\b|\blipo?-?suction\b|\blipoaspirat|\bstromal\s+vascular\s+fraction\b|(?-i:\b(?:at-?)?SVF\b)|\bmicro-?(?:fragmented|fractured)\s+(?:\w+\s+)?fat\b|\blipogems\b", RegexOptions.IgnoreCase)]
    private static partial Regex Adipose();

    [GeneratedRegex(@"(?<!\bumbilical[\s-]+cord[\s-]*/[\s-]*)\bplacenta|\bdecidual?\b|\bchorion(?:ic)?\b|\bPD[\s-]?MSCs?\b|(?-i:\bhPD[\s-]?MSCs?\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Placenta();

    [GeneratedRegex(@"\bamnio(?:n|tic)\b(?![\s-]+membranes?\b(?![\s-]*(?:\(\w+\)[\s-]*)?(?:-?derived|mesenchymal|MSCs?|stem|stromal|epithelial)))|(?<=\bfrom\s+(?:the\s+)?(?:human\s+)?)amnio(?:n|tic)[\s-]+membranes?\b|\bAM[\s-]?MSCs?\b|\bAF[\s-]?MSCs?\b|(?-i:\bh(?:AM|AF)[\s-]?MSCs?\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Amniotic();

    [GeneratedRegex(@"\bmenstrual[\s-]+(?:blood|fluid|derived|stem|stromal|mesenchymal)\b|\bendometrial\s+regenerative\b", RegexOptions.IgnoreCase)]
    private static partial Regex MenstrualBlood();

    [GeneratedRegex(@"\bdental[\s-]+pulp\b|\bDPSCs?\b|(?-i:\bhDPSCs?\b)|\bdeciduous\s+teeth\b|\bexfoliated\s+deciduous\b", RegexOptions.IgnoreCase)]
    private static partial Regex DentalPulp();

    [GeneratedRegex(@"\bdermal\b|\bdermis\b|\bskin[\s-]+derived\b", RegexOptions.IgnoreCase)]
    private static partial Regex Skin();

    [GeneratedRegex(@"\biPSCs?\b|\biPS[\s-]+cells?\b|\binduced\s+pluripotent\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ipsc();

    [GeneratedRegex(@"\bsynovi(?:al|um)\b|\btonsil|\bmuscle[\s-]+derived\b|\bembryonic\s+stem\b|\bESCs?[\s-]+derived\b|\bESCs?-MSCs?\b|\bolfactory\b|\boral[\s-]+mucos(?:a|al)\b|\bgingival?[\s-]+(?:tissue[\s-]+)?(?:-?derived[\s-]+)?(?:mesenchymal|MSCs?|stem|stromal)\b|\bG-?MSCs?\b|\bperiosteum\b|\bPB-?MSCs?\b|\bperipheral[\s-]+blood[\s-]+(?:derived[\s-]+)?(?=mesenchymal|MSC)|\bliver[\s-]+derived\s+(?:progenitor|stem|mesenchymal)", RegexOptions.IgnoreCase)]
    private static partial Regex OtherTissue();
}
