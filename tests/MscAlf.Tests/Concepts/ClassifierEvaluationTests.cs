using System.Globalization;
using MscAlf.Codes;
using MscAlf.Concepts;
using MscAlf.Data;
using MscAlf.Registry;
using Xunit.Abstractions;

namespace MscAlf.Tests.Concepts;

/// <summary>
/// The classifiers against the hand-labelled evaluation sets (Fixtures/registry/evaluation, evaluation-blind,
/// evaluation-fulltext, evaluation-blind-2 and evaluation-blind-3): real registry records other than the curated 87, each labelled by reading it, with the evidence
/// kept in labels.csv. Records labelled <c>x</c> (the text cannot tell) are left out. The figures are printed and pinned; docs/classifiers.md reports them.
/// </summary>
public sealed class ClassifierEvaluationTests(ITestOutputHelper output)
{
    /// <summary>
    /// The sets: the first (rules were tuned on it), the blind one (labelled before any classifier ran on it), the
    /// full-text one (classic rows of both joined with their brief summaries), a second blind one (drawn and labelled
    /// before the registry-defined MSC products were added, and left out of the text they were found in), and a third
    /// blind one (labelled blind to the rules, which were written without looking at its records and committed before it
    /// was scored; the records the product list cites were left out of its draw), and a set of full registry records (the
    /// fields mapClinical scraped from the registry's API, as API v2 study objects: what a whole-registry import reads),
    /// and a second, third and fourth such set drawn from the same pool.
    /// </summary>
    internal const string First = "evaluation", Blind = "evaluation-blind", FullText = "evaluation-fulltext",
        SecondBlind = "evaluation-blind-2", ThirdBlind = "evaluation-blind-3", FullRecords = "evaluation-full-records",
        FullRecords2 = "evaluation-full-records-2", FullRecords3 = "evaluation-full-records-3",
        FullRecords4 = "evaluation-full-records-4";

    private static string Folder(string set) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "registry", set);

    internal sealed record Labelled(RegistryStudy Study, bool Liver, string? Source);

    internal static IReadOnlyList<Labelled> Load(string set = First)
    {
        if (set is FullRecords or FullRecords2 or FullRecords3 or FullRecords4)
        {
            var records = Studies(Path.Combine(Folder(set), "registry_studies.json")).ToDictionary(s => s.NctId);
            return Labels(set, ("source", ["registry_studies.json"]), records);
        }
        var studies = new[] { "mapclinical_classic_export.csv", "healthdata_studies.json" }
            .SelectMany(f => Studies(Path.Combine(Folder(set), f))).ToDictionary(s => s.NctId);
        return Labels(set, ("source", ["mapclinical_classic_export.csv", "healthdata_studies.json"]), studies);
    }

    private static IEnumerable<RegistryStudy> Studies(string path) =>
        RegistryReader.Read(path).Select(i => i.Study ?? throw new InvalidOperationException(string.Join("; ", i.Errors)));

    /// <summary>
    /// A set's labels.csv (nct_id, a column saying where the record is, liver, msc_source, evidence; the full-text set
    /// adds msc_source_with_description, the label its detailed description would give), joined with its records.
    /// </summary>
    private static List<Labelled> Labels(string set, (string Name, string[] Allowed) where, Dictionary<string, RegistryStudy> studies,
        params string[] moreSourceColumns)
    {
        string[] codes = [.. CodeSet<MscSourceCode>.Codes, "x"];
        var sourceColumns = moreSourceColumns.Prepend("msc_source").Select(c => new ColumnSpec(c, ColumnType.Code, true, codes));
        var schema = new TableSchema("labels.csv",
        [
            new("nct_id", ColumnType.Text, true, []) { Pattern = "^NCT[0-9]{8}$" },
            new(where.Name, ColumnType.Code, true, where.Allowed),
            new("liver", ColumnType.Code, true, ["liver", "not_liver"]),
            .. sourceColumns,
            new("evidence", ColumnType.Text, true, []),
        ], ["nct_id"]);
        var (rows, errors) = CsvTable.Read(Path.Combine(Folder(set), "labels.csv"), schema);
        Assert.Empty(errors);
        return [.. rows.Select(r => new Labelled(studies[r.Required("nct_id")], r.Required("liver") == "liver",
            r.Required("msc_source") is var s && s == "x" ? null : s))];
    }

    internal static StudyText Text(RegistryStudy s) => RegistryImport.TextOf(s);

    [Fact]
    public void Evaluate_WhenHandLabelledRecords_Agrees254Of272OnSourceAnd273Of274OnLiver()
    {
        var (liver, source) = Evaluate(Load(First));
        // Pinned: docs/classifiers.md reports these figures; change both together.
        Assert.Equal((274, 272), (liver.Count, source.Count));
        Assert.Equal(273, liver.Count(p => p.Truth == p.Got));
        // 244 before the MSC product list, 247 before its registry-defined products, 253 before micro-fragmented adipose tissue
        // was read as adipose MSCs (fifth session)
        Assert.Equal(254, source.Count(p => p.Truth == p.Got));
    }

    [Fact]
    public void Evaluate_WhenBlindHandLabelledRecords_Agrees128Of145OnSourceAnd148Of150OnLiver()
    {
        var (liver, source) = Evaluate(Load(Blind));
        // Pinned: docs/classifiers.md reports these figures; change both together.
        Assert.Equal((150, 145), (liver.Count, source.Count));
        Assert.Equal(148, liver.Count(p => p.Truth == p.Got));
        Assert.Equal(128, source.Count(p => p.Truth == p.Got)); // 126 measured blind, before the registry-defined products
    }

    [Fact]
    public void Evaluate_WhenClassicRowsJoinedWithTheirBriefSummaries_Agrees54Of61OnSource()
    {
        var (liver, source) = Evaluate(LoadFullText());
        // Pinned: docs/classifiers.md reports these figures; change both together.
        Assert.Equal((62, 61), (liver.Count, source.Count));
        Assert.Equal(62, liver.Count(p => p.Truth == p.Got));
        Assert.Equal(54, source.Count(p => p.Truth == p.Got)); // 52 measured blind, before the registry-defined products
    }

    [Fact]
    public void Evaluate_WhenSecondBlindSet_Agrees132Of147OnSourceAnd150Of150OnLiver()
    {
        var (liver, source) = Evaluate(Load(SecondBlind));
        // Pinned: docs/classifiers.md reports these figures; change both together.
        Assert.Equal((150, 147), (liver.Count, source.Count));
        Assert.Equal(150, liver.Count(p => p.Truth == p.Got));
        // 119 with the rules before this set was drawn; 125 measured blind with the registry-defined products; 129 after
        // two changes made on seeing its disagreements (hUMSC and AT-MSC abbreviations; "MSCs for the treatment of" as given);
        // 131 after three more in the fourth session (a tissue that is treated is not the source; an observational
        // follow-up of MSCs gave them; h-prefixed tissue abbreviations), also made on seeing them; 132 with micro-fragmented
        // adipose tissue read as adipose MSCs (fifth session)
        Assert.Equal(132, source.Count(p => p.Truth == p.Got));
    }

    /// <summary>
    /// How much of the gap the record text cannot close. The labelling rules count a product named only by a brand, a
    /// code or an abbreviation as MSCs (<c>unspecified</c>) when the registry's MSC search returned the record, which
    /// uses knowledge from outside the text. Such records are found here without the classifier: labelled
    /// <c>unspecified</c>, and no field the classifier reads names an MSC word (a test-local list, below). The rest are
    /// the records whose own text names MSCs, or gives none. Pinned per set as (records set apart, of them recognised
    /// through the product list, agreement on the rest, the rest); docs/classifiers.md reports them.
    /// </summary>
    [Theory]
    [InlineData(First, 23, 9, 245, 249)]
    [InlineData(Blind, 15, 4, 124, 130)]
    [InlineData(FullText, 8, 5, 49, 53)]
    [InlineData(SecondBlind, 20, 9, 123, 127)]
    [InlineData(ThirdBlind, 13, 6, 130, 131)]
    [InlineData(FullRecords, 0, 0, 97, 100)]
    [InlineData(FullRecords2, 1, 0, 141, 149)]
    [InlineData(FullRecords3, 2, 0, 140, 148)]
    [InlineData(FullRecords4, 4, 1, 133, 145)]
    public void Evaluate_WhenRecordsNamingNoMscWordAreSetApart_TheRestAgreeAsPinned(string set, int brandOnly, int recognised, int agree, int rest)
    {
        var labelled = (set == FullText ? LoadFullText() : Load(set)).Where(l => l.Source is not null).ToList();
        var scored = labelled.Select(l => (Label: l, Got: CodeSet<MscSourceCode>.Code(MscSource.Classify(Text(l.Study)).Value),
            BrandOnly: l.Source == "unspecified" && !NamesMscWord(Text(l.Study)))).ToList();
        var brand = scored.Where(s => s.BrandOnly).ToList();
        var others = scored.Where(s => !s.BrandOnly).ToList();
        output.WriteLine($"{set}: {brand.Count} records labelled unspecified that name no MSC word ({brand.Count(b => b.Got == "unspecified")} recognised, +): " +
            string.Join(", ", brand.Select(b => $"{b.Label.Study.NctId}{(b.Got == "unspecified" ? "+" : "")}")));
        foreach (var line in Agreement("the rest", [.. others.Select(o => (o.Label.Source!, o.Got, o.Label.Study.NctId))]))
        {
            output.WriteLine(line);
        }
        Assert.Equal((brandOnly, recognised), (brand.Count, brand.Count(b => b.Got == "unspecified")));
        Assert.Equal((agree, rest), (others.Count(o => o.Label.Source == o.Got), others.Count));
    }

    /// <summary>Whether any field the MSC-source classifier reads names MSCs or their products in so many words.</summary>
    private static bool NamesMscWord(StudyText text) =>
        text.Interventions.Concat(text.Arms).Concat(text.Titles).Append(text.Summary ?? "")
            .Any(f => System.Text.RegularExpressions.Regex.IsMatch(f,
                "(?i:mesenchymal|stromal|exosome|secretome|extracellular vesicle|conditioned medium)|MSC"));

    [Fact]
    public void Evaluate_WhenThirdBlindSet_Agrees136Of144OnSourceAnd148Of150OnLiver()
    {
        var (liver, source) = Evaluate(Load(ThirdBlind));
        // Pinned: docs/classifiers.md reports these figures; change both together. Measured blind: 133 (labels written
        // blind to the rules, rules written blind to the set); 136 after one rule made on seeing its disagreements (a
        // tissue named as the source of mononuclear cells is not an MSC source).
        Assert.Equal((150, 144), (liver.Count, source.Count));
        Assert.Equal(148, liver.Count(p => p.Truth == p.Got));
        Assert.Equal(136, source.Count(p => p.Truth == p.Got));
    }

    [Fact]
    public void Evaluate_WhenFullRegistryRecords_Agrees97Of100OnSourceAnd98Of100OnLiver()
    {
        var (liver, source) = Evaluate(Load(FullRecords));
        // Pinned: docs/classifiers.md reports these figures; change both together. Measured blind: 85 (drawn and labelled
        // after every earlier rule was committed); 89 after one rule made on seeing its disagreements (a record whose
        // interventions name no MSCs, cells or MSC tissue is an MSC trial only if its summary says the MSCs are given or
        // defines an intervention as them; "injected with", "receive" and "given" MSCs now say given); 97 after the rules
        // of the fifth session, also made on seeing them (the detailed description read for the tissue; marrow
        // concentrates; grafts, cord blood and mononuclear cells not taken as the MSCs' source; oral mucosa, gingiva and
        // fat biopsies named as tissues; "menstrual" only as menstrual blood).
        Assert.Equal((100, 100), (liver.Count, source.Count));
        Assert.Equal(98, liver.Count(p => p.Truth == p.Got));
        Assert.Equal(97, source.Count(p => p.Truth == p.Got));
    }

    [Fact]
    public void Evaluate_WhenSecondSetOfFullRegistryRecords_Agrees141Of150OnSourceAnd148Of150OnLiver()
    {
        var (liver, source) = Evaluate(Load(FullRecords2));
        // Pinned: docs/classifiers.md reports these figures; change both together. Measured blind: 129 (drawn before the
        // fifth session's rules were written, labelled blind by two helpers, scored once after those rules were committed);
        // 139 after the rules made on seeing its disagreements (oral mucosa only as a source; description sentences saying
        // what is done with the cells, not naming two tissues; marrow or skin given without culture; SVF, micro-fragmented
        // adipose tissue and Lipogems as adipose; cells expanded from a tissue), measured on the third full-record set; 141
        // after those made on seeing the third set's (below).
        Assert.Equal((150, 150), (liver.Count, source.Count));
        Assert.Equal(148, liver.Count(p => p.Truth == p.Got));
        Assert.Equal(141, source.Count(p => p.Truth == p.Got));
    }

    [Fact]
    public void Evaluate_WhenThirdSetOfFullRegistryRecords_Agrees140Of150OnSourceAnd147Of150OnLiver()
    {
        var (liver, source) = Evaluate(Load(FullRecords3));
        // Pinned: docs/classifiers.md reports these figures; change both together. Measured blind: 135 (labelled blind
        // by two helpers while the rules made on the second set's disagreements were committed; scored once after); 140
        // after rules made on seeing its disagreements (summary sentences listing sources or naming two tissues; Ficoll;
        // product definitions and nouns of giving in the description; titles about collecting or banking tissue;
        // observational summaries; "decidual direction"; a tissue's abbreviation in brackets before a target word),
        // measured on the fourth full-record set.
        Assert.Equal((150, 150), (liver.Count, source.Count));
        Assert.Equal(147, liver.Count(p => p.Truth == p.Got));
        Assert.Equal(140, source.Count(p => p.Truth == p.Got));
    }

    [Fact]
    public void Evaluate_WhenFourthSetOfFullRegistryRecords_Agrees134Of149OnSourceAnd146Of150OnLiver()
    {
        var (liver, source) = Evaluate(Load(FullRecords4));
        // Pinned: docs/classifiers.md reports these figures; change both together. Measured blind: 134 (labelled blind
        // by two helpers while the rules made on the third set's disagreements were committed; scored once after; no rule
        // was made on reading it).
        Assert.Equal((150, 149), (liver.Count, source.Count));
        Assert.Equal(146, liver.Count(p => p.Truth == p.Got));
        Assert.Equal(134, source.Count(p => p.Truth == p.Got));
    }

    /// <summary>
    /// All sets together, the sums that the README and docs/classifiers.md give. The full-text set is left out: it labels
    /// again records of the first two sets, which would count them twice.
    /// </summary>
    [Fact]
    public void Evaluate_WhenEverySetButTheFullTextOneIsSummed_Agrees1162Of1257OnSourceAnd1258Of1274OnLiver()
    {
        var sets = new[] { First, Blind, SecondBlind, ThirdBlind, FullRecords, FullRecords2, FullRecords3, FullRecords4 }.Select(s => Evaluate(Load(s))).ToList();
        var (liver, source) = (sets.SelectMany(s => s.Liver).ToList(), sets.SelectMany(s => s.Source).ToList());
        output.WriteLine($"eight sets: MSC source {source.Count(p => p.Truth == p.Got)}/{source.Count}, liver {liver.Count(p => p.Truth == p.Got)}/{liver.Count}");
        Assert.Equal((1162, 1257), (source.Count(p => p.Truth == p.Got), source.Count));
        Assert.Equal((1258, 1274), (liver.Count(p => p.Truth == p.Got), liver.Count));
    }

    /// <summary>
    /// The full-text set (Fixtures/registry/evaluation-fulltext): every classic-CSV row of the two sets above whose record
    /// healthdata also holds, with that record's brief summary, which the classic download leaves out and a full record
    /// carries; labelled afresh from the joined text.
    /// </summary>
    internal static IReadOnlyList<Labelled> LoadFullText()
    {
        var summaries = Studies(Path.Combine(Folder(FullText), "healthdata_studies.json")).ToDictionary(s => s.NctId, s => s.Summary);
        var classic = new[] { First, Blind }
            .SelectMany(f => Studies(Path.Combine(Folder(f), "mapclinical_classic_export.csv")))
            .Where(s => summaries.ContainsKey(s.NctId))
            .ToDictionary(s => s.NctId, s => s with { Summary = summaries[s.NctId] });
        Assert.Equal(summaries.Count, classic.Count);
        return Labels(FullText, ("set", [First, Blind]), classic, "msc_source_with_description");
    }

    private (List<(string Truth, string Got, string NctId)> Liver, List<(string Truth, string Got, string NctId)> Source) Evaluate(
        IReadOnlyList<Labelled> set)
    {
        var liver = set.Select(l => (Truth: l.Liver ? "liver" : "not_liver",
            Got: ConditionCategory.Classify(Text(l.Study)).Value.Category == Condition.NotLiver ? "not_liver" : "liver", l.Study.NctId)).ToList();
        var source = set.Where(l => l.Source is not null).Select(l => (Truth: l.Source!,
            Got: CodeSet<MscSourceCode>.Code(MscSource.Classify(Text(l.Study)).Value), l.Study.NctId)).ToList();
        Report("liver vs not liver", liver);
        Report("MSC source", source);
        return (liver, source);
    }

    private void Report(string name, List<(string Truth, string Got, string NctId)> pairs)
    {
        foreach (var line in Agreement(name, pairs))
        {
            output.WriteLine(line);
        }
    }

    /// <summary>Agreement overall and per class (precision, recall), then every disagreement.</summary>
    internal static IEnumerable<string> Agreement(string name, IReadOnlyList<(string Truth, string Got, string NctId)> pairs)
    {
        var agree = pairs.Count(p => p.Truth == p.Got);
        yield return string.Create(CultureInfo.InvariantCulture, $"{name}: {agree}/{pairs.Count} agree ({100.0 * agree / pairs.Count:0.0} %)");
        foreach (var label in pairs.SelectMany(p => new[] { p.Truth, p.Got }).Distinct().Order(StringComparer.Ordinal))
        {
            var tp = pairs.Count(p => p.Truth == label && p.Got == label);
            var truth = pairs.Count(p => p.Truth == label);
            var got = pairs.Count(p => p.Got == label);
            yield return string.Create(CultureInfo.InvariantCulture, $"  {label}: n={truth}, precision {tp}/{got}, recall {tp}/{truth}");
        }
        foreach (var miss in pairs.Where(p => p.Truth != p.Got))
        {
            yield return $"  MISS {miss.NctId}: labelled {miss.Truth}, classifier {miss.Got}";
        }
    }
}
