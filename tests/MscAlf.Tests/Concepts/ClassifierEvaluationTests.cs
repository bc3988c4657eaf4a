using System.Globalization;
using MscAlf.Codes;
using MscAlf.Concepts;
using MscAlf.Data;
using MscAlf.Registry;
using Xunit.Abstractions;

namespace MscAlf.Tests.Concepts;

/// <summary>
/// The classifiers against the hand-labelled evaluation sets (Fixtures/registry/evaluation, evaluation-blind,
/// evaluation-fulltext, evaluation-blind-2 to -4 and evaluation-full-records to -8): real registry records other than the curated 87, each labelled by reading it, with the evidence
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
    /// and a second to sixth such set drawn from the same pool (the fourth to sixth read twice, see
    /// <see cref="Readings_WhenSetReadTwice_AgreeAsPinned"/>), two sets of full records from jesnyder/meta_map, and a
    /// fourth blind set of healthdata records outside the corpus the rules were checked on (also read twice).
    /// </summary>
    internal const string First = "evaluation", Blind = "evaluation-blind", FullText = "evaluation-fulltext",
        SecondBlind = "evaluation-blind-2", ThirdBlind = "evaluation-blind-3", FullRecords = "evaluation-full-records",
        FullRecords2 = "evaluation-full-records-2", FullRecords3 = "evaluation-full-records-3",
        FullRecords4 = "evaluation-full-records-4", FullRecords5 = "evaluation-full-records-5",
        FullRecords6 = "evaluation-full-records-6", FullRecords7 = "evaluation-full-records-7",
        FullRecords8 = "evaluation-full-records-8", FourthBlind = "evaluation-blind-4";

    /// <summary>The two readings of a set read twice, and the adjudicator's decisions where they differ.</summary>
    internal const string FirstReading = "labels-first.csv", SecondReading = "labels-second.csv", LabelOfRecord = "labels.csv",
        Adjudication = "adjudication.csv";

    private static readonly string[] FullRecordSets = [FullRecords, FullRecords2, FullRecords3, FullRecords4, FullRecords5, FullRecords6, FullRecords7, FullRecords8];

    private static string Folder(string set) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "registry", set);

    internal sealed record Labelled(RegistryStudy Study, bool Liver, string? Source);

    /// <summary>A set's records joined with its labels (labels.csv, or another labels file of a set read twice).</summary>
    internal static IReadOnlyList<Labelled> Load(string set = First, string labels = LabelOfRecord)
    {
        if (FullRecordSets.Contains(set))
        {
            var records = Studies(Path.Combine(Folder(set), "registry_studies.json")).ToDictionary(s => s.NctId);
            return Labels(set, labels, ("source", ["registry_studies.json"]), records);
        }
        var studies = new[] { "mapclinical_classic_export.csv", "healthdata_studies.json" }
            .Select(f => Path.Combine(Folder(set), f)).Where(File.Exists) // the fourth blind set has healthdata records only
            .SelectMany(Studies).ToDictionary(s => s.NctId);
        return Labels(set, labels, ("source", ["mapclinical_classic_export.csv", "healthdata_studies.json"]), studies);
    }

    private static IEnumerable<RegistryStudy> Studies(string path) =>
        RegistryReader.Read(path).Select(i => i.Study ?? throw new InvalidOperationException(string.Join("; ", i.Errors)));

    /// <summary>
    /// A set's labels.csv (nct_id, a column saying where the record is, liver, msc_source, evidence; the full-text set
    /// adds msc_source_with_description, the label its detailed description would give), joined with its records.
    /// </summary>
    private static List<Labelled> Labels(string set, string file, (string Name, string[] Allowed) where,
        Dictionary<string, RegistryStudy> studies, params string[] moreSourceColumns)
    {
        string[] codes = [.. CodeSet<MscSourceCode>.Codes, "x"];
        var sourceColumns = moreSourceColumns.Prepend("msc_source").Select(c => new ColumnSpec(c, ColumnType.Code, true, codes));
        var schema = new TableSchema(file,
        [
            new("nct_id", ColumnType.Text, true, []) { Pattern = "^NCT[0-9]{8}$" },
            new(where.Name, ColumnType.Code, true, where.Allowed),
            new("liver", ColumnType.Code, true, ["liver", "not_liver"]),
            .. sourceColumns,
            new("evidence", ColumnType.Text, true, []),
        ], ["nct_id"]);
        var (rows, errors) = CsvTable.Read(Path.Combine(Folder(set), file), schema);
        Assert.Empty(errors);
        return [.. rows.Select(r => new Labelled(
            studies.TryGetValue(r.Required("nct_id"), out var study) ? study
                : throw new InvalidOperationException($"{set}/{file} labels {r.Required("nct_id")}, which no record file of the set holds"),
            r.Required("liver") == "liver", r.Required("msc_source") is var s && s == "x" ? null : s))];
    }

    internal static StudyText Text(RegistryStudy s) => RegistryImport.TextOf(s);

    [Fact]
    public void Evaluate_WhenHandLabelledRecords_Agrees253Of272OnSourceAnd273Of274OnLiver()
    {
        var (liver, source) = Evaluate(Load(First));
        // Pinned: docs/classifiers.md reports these figures; change both together.
        Assert.Equal((274, 272), (liver.Count, source.Count));
        Assert.Equal(273, liver.Count(p => p.Truth == p.Got));
        // 244 before the MSC product list, 247 before its registry-defined products, 253 before micro-fragmented adipose tissue
        // was read as adipose MSCs (fifth session), 254 until a secretome counted only in a record naming MSCs or stem
        // cells (seventh session: NCT04980261, a "Secretome Composite" whose classic row names neither)
        Assert.Equal(253, source.Count(p => p.Truth == p.Got));
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
        // adipose tissue read as adipose MSCs (fifth session); 133 once ABCB5 named no tissue (sixth session); 132 once
        // vesicles counted only in a record naming MSCs or stem cells (seventh session: NCT04493242, "Extracellular
        // Vesicle Infusion" of a product code)
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
    [InlineData(First, 23, 9, 244, 249)]
    [InlineData(Blind, 15, 4, 124, 130)]
    [InlineData(FullText, 8, 5, 49, 53)]
    [InlineData(SecondBlind, 20, 10, 122, 127)]
    [InlineData(ThirdBlind, 13, 6, 130, 131)]
    [InlineData(FullRecords, 0, 0, 97, 100)]
    [InlineData(FullRecords2, 1, 0, 141, 149)]
    [InlineData(FullRecords3, 2, 0, 140, 148)]
    [InlineData(FullRecords4, 4, 2, 142, 145)]
    [InlineData(FullRecords5, 1, 1, 142, 148)]
    [InlineData(FullRecords6, 1, 0, 144, 149)]
    [InlineData(FullRecords7, 1, 0, 87, 91)]
    [InlineData(FullRecords8, 0, 0, 150, 150)]
    [InlineData(FourthBlind, 2, 0, 197, 198)]
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
    public void Evaluate_WhenThirdBlindSet_Agrees136Of144OnSourceAnd150Of150OnLiver()
    {
        var (liver, source) = Evaluate(Load(ThirdBlind));
        // Pinned: docs/classifiers.md reports these figures; change both together. Measured blind: 133 (labels written
        // blind to the rules, rules written blind to the set); 136 after one rule made on seeing its disagreements (a
        // tissue named as the source of mononuclear cells is not an MSC source).
        Assert.Equal((150, 144), (liver.Count, source.Count));
        Assert.Equal(150, liver.Count(p => p.Truth == p.Got)); // 148 before the summary needed a named liver disease (sixth session)
        Assert.Equal(136, source.Count(p => p.Truth == p.Got));
    }

    [Fact]
    public void Evaluate_WhenFullRegistryRecords_Agrees97Of100OnSourceAnd100Of100OnLiver()
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
        Assert.Equal(100, liver.Count(p => p.Truth == p.Got)); // 98 before the summary needed a named liver disease (sixth session)
        Assert.Equal(97, source.Count(p => p.Truth == p.Got));
    }

    [Fact]
    public void Evaluate_WhenSecondSetOfFullRegistryRecords_Agrees141Of150OnSourceAnd150Of150OnLiver()
    {
        var (liver, source) = Evaluate(Load(FullRecords2));
        // Pinned: docs/classifiers.md reports these figures; change both together. Measured blind: 129 (drawn before the
        // fifth session's rules were written, labelled blind by two helpers, scored once after those rules were committed);
        // 139 after the rules made on seeing its disagreements (oral mucosa only as a source; description sentences saying
        // what is done with the cells, not naming two tissues; marrow or skin given without culture; SVF, micro-fragmented
        // adipose tissue and Lipogems as adipose; cells expanded from a tissue), measured on the third full-record set; 141
        // after those made on seeing the third set's (below).
        Assert.Equal((150, 150), (liver.Count, source.Count));
        Assert.Equal(150, liver.Count(p => p.Truth == p.Got)); // 148 before the summary needed a named liver disease (sixth session)
        Assert.Equal(141, source.Count(p => p.Truth == p.Got));
    }

    [Fact]
    public void Evaluate_WhenThirdSetOfFullRegistryRecords_Agrees140Of150OnSourceAnd149Of150OnLiver()
    {
        var (liver, source) = Evaluate(Load(FullRecords3));
        // Pinned: docs/classifiers.md reports these figures; change both together. Measured blind: 135 (labelled blind
        // by two helpers while the rules made on the second set's disagreements were committed; scored once after); 140
        // after rules made on seeing its disagreements (summary sentences listing sources or naming two tissues; Ficoll;
        // product definitions and nouns of giving in the description; titles about collecting or banking tissue;
        // observational summaries; "decidual direction"; a tissue's abbreviation in brackets before a target word),
        // measured on the fourth full-record set.
        Assert.Equal((150, 150), (liver.Count, source.Count));
        // 147 before the summary needed a named liver disease (sixth session); 148 before hepatitis listed with HIV was read
        // as screening (seventh)
        Assert.Equal(149, liver.Count(p => p.Truth == p.Got));
        Assert.Equal(140, source.Count(p => p.Truth == p.Got));
    }

    /// <summary>
    /// The sets read twice: the fourth full-record set (labelled once, then again by two other helpers blind to the first
    /// reading and to the classifier), the fifth (drawn while the rules were frozen, each half labelled by two helpers
    /// working alone) and the sixth (drawn before the sixth session's rules were written, labelled the same way). A third reader, blind to the classifier, labelled each record on which the readings differ
    /// (adjudication.csv); the label of record (labels.csv) is the agreed label or the adjudicated one
    /// (tools/merge_readings.py; checked below). How often two careful readings agree bounds what agreement with one
    /// reading can show; Cohen's kappa discounts the agreement that chance alone would give. Pinned as (MSC source: same
    /// label, records; liver: same label; kappa on MSC source in thousandths); docs/classifiers.md reports them.
    /// </summary>
    [Theory]
    [InlineData(FullRecords4, 149, 150, 150, 992)]
    [InlineData(FullRecords5, 150, 150, 150, 1000)]
    [InlineData(FullRecords6, 150, 150, 150, 1000)]
    [InlineData(FullRecords7, 93, 93, 93, 1000)]
    [InlineData(FullRecords8, 150, 150, 150, -1)]
    [InlineData(FourthBlind, 200, 200, 200, 1000)]
    public void Readings_WhenSetReadTwice_AgreeAsPinned(string set, int sourceAgree, int count, int liverAgree, int kappaPermille)
    {
        var (first, second) = (Load(set, FirstReading), Load(set, SecondReading));
        Assert.Equal(first.Select(l => l.Study.NctId), second.Select(l => l.Study.NctId));
        var source = Concordance([.. first.Select(l => l.Source ?? "x")], [.. second.Select(l => l.Source ?? "x")]);
        var liver = Concordance([.. first.Select(l => l.Liver ? "liver" : "not_liver")], [.. second.Select(l => l.Liver ? "liver" : "not_liver")]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{set}: the two readings give the same MSC source on {source.Agree}/{source.Count} (kappa {source.Kappa:0.000}), the same liver label on {liver.Agree}/{liver.Count}"));
        Assert.Equal((sourceAgree, count, liverAgree), (source.Agree, source.Count, liver.Agree));
        // Kappa is undefined (-1 here) when both readings give one label to every record: chance agreement is then 1.
        Assert.Equal(kappaPermille, double.IsNaN(source.Kappa) ? -1 : (int)Math.Round(source.Kappa * 1000));
    }

    /// <summary>
    /// The classifier against each reading and against the label of record, pinned as (MSC source agreeing, scored) for
    /// the first reading, the second and the label of record, then liver agreeing on the label of record (of 150). History
    /// (measured blind, then not): set 4 was scored once on its first reading, 134 of 149 and liver 146 (fifth session's
    /// rules; no rule was made on reading it then); set 5 once, on the rules frozen at its draw (28a66d4), 136 of 149 and
    /// liver 145; the sixth session's rules were made on reading both sets' disagreements and measured on set 6, the last
    /// 150 records of the pool, drawn before they were written and scored once on its first reading (helpers A1 and B2)
    /// after they were committed: 138 of 150 and liver 149, measured blind. Its second reading (A2, B1) arrived later.
    /// The seventh session's rules (a title naming one of two tissues the interventions name; marrow separated in the
    /// theatre; an observational study injecting a fat preparation; animal models as background) were made on reading
    /// the disagreements of sets 1 to 6 and raise set 4 by one, set 5 by one and set 6 by six.
    /// Set 7 (93 records of jesnyder/meta_map, both readings agreeing on every record) was scored once after those rules
    /// were committed (47d7ae4): 82 of 92 and liver 93, measured blind; the rules of 4d2b09e give the same 82. Rules
    /// made on reading its disagreements ("mesenchymal" tumour cells, fibroblasts and MET; misspellings) give 88; 87 once
    /// "MSC" had to stand alone or carry a prefix (eighth session: NCT01436123 had been an MSC trial only through "MSCT").
    /// Set 8 (150 meta_map records of the exosome, vesicle, iPSC and genetically-engineered searches; every one labelled
    /// not_applicable by both readings) was scored once on those rules (b563b05): 123 of 150 and liver 146, measured blind;
    /// rules made on reading it (vesicles and secretome count only where MSCs or stem cells are named; hepatitis listed
    /// with HIV is screening; gallbladder disease is biliary) give 150 and 150, and set 4's liver 150.
    /// The fourth blind set (200 healthdata records outside the corpus every rule change was checked on; both readings
    /// agreeing on every record) was scored once on the rules of 71fb9ab, made without reading it: 197 of 200 and liver
    /// 197, measured blind; the rules at its draw (1ad1bff) give the same. No rule was made on reading it.
    /// </summary>
    [Theory]
    [InlineData(FullRecords4, 143, 149, 144, 149, 144, 149, 150)]
    [InlineData(FullRecords5, 143, 149, 143, 149, 143, 149, 150)]
    [InlineData(FullRecords6, 144, 150, 144, 150, 144, 150, 149)]
    [InlineData(FullRecords7, 87, 92, 87, 92, 87, 92, 93)]
    [InlineData(FullRecords8, 150, 150, 150, 150, 150, 150, 150)]
    [InlineData(FourthBlind, 197, 200, 197, 200, 197, 200, 197)]
    public void Evaluate_WhenSetReadTwice_AgreesWithEachReadingAsPinned(string set, int first, int firstOf, int second, int secondOf,
        int record, int recordOf, int liverOfRecord)
    {
        var scores = new[] { FirstReading, SecondReading, LabelOfRecord }.Select(f =>
        {
            output.WriteLine($"== {set}/{f}");
            return Evaluate(Load(set, f));
        }).ToList();
        int[] agreeing = [.. scores.SelectMany(s => new[] { s.Source.Count(p => p.Truth == p.Got), s.Source.Count })];
        Assert.Equal([first, firstOf, second, secondOf, record, recordOf], agreeing);
        Assert.Equal(liverOfRecord, scores[2].Liver.Count(p => p.Truth == p.Got));
    }

    /// <summary>The label of record of a set read twice is the agreed label, or the adjudicated one where the readings differ.</summary>
    [Theory]
    [InlineData(FullRecords4)]
    [InlineData(FullRecords5)]
    [InlineData(FullRecords6)]
    [InlineData(FullRecords7)]
    [InlineData(FullRecords8)]
    [InlineData(FourthBlind)]
    public void Labels_WhenSetReadTwice_AreTheAgreedLabelOrTheAdjudicatedOne(string set)
    {
        var (first, second, record) = (Load(set, FirstReading), Load(set, SecondReading), Load(set, LabelOfRecord));
        var decided = Adjudicated(set);
        var differing = first.Zip(second).Where(p => p.First.Liver != p.Second.Liver || p.First.Source != p.Second.Source)
            .Select(p => p.First.Study.NctId).ToHashSet();
        Assert.Equal(differing.Order(StringComparer.Ordinal), decided.Keys.Order(StringComparer.Ordinal));
        foreach (var (label, agreed) in record.Zip(first))
        {
            var expected = decided.TryGetValue(label.Study.NctId, out var d) ? d : (agreed.Liver, agreed.Source);
            Assert.Equal((label.Study.NctId, expected), (label.Study.NctId, (label.Liver, label.Source)));
        }
    }

    /// <summary>adjudication.csv: NCT id to the adjudicated (liver, MSC source; null for x).</summary>
    private static Dictionary<string, (bool Liver, string? Source)> Adjudicated(string set)
    {
        var schema = new TableSchema(Adjudication,
        [
            new("nct_id", ColumnType.Text, true, []) { Pattern = "^NCT[0-9]{8}$" },
            new("liver", ColumnType.Code, true, ["liver", "not_liver"]),
            new("msc_source", ColumnType.Code, true, [.. CodeSet<MscSourceCode>.Codes, "x"]),
            new("decision", ColumnType.Code, true, ["first", "second", "own"]),
            new("reason", ColumnType.Text, true, []),
        ], ["nct_id"]);
        var (rows, errors) = CsvTable.Read(Path.Combine(Folder(set), Adjudication), schema);
        Assert.Empty(errors);
        return rows.ToDictionary(r => r.Required("nct_id"),
            r => (r.Required("liver") == "liver", r.Required("msc_source") is var s && s == "x" ? null : s));
    }

    /// <summary>How often two readings give the same label, and Cohen's kappa: (observed - chance) / (1 - chance).</summary>
    internal static (int Agree, int Count, double Kappa) Concordance(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        Assert.Equal(first.Count, second.Count);
        var n = (double)first.Count;
        var agree = first.Zip(second).Count(p => p.First == p.Second);
        var chance = first.Concat(second).Distinct().Sum(c => first.Count(l => l == c) / n * (second.Count(l => l == c) / n));
        return (agree, first.Count, (agree / n - chance) / (1 - chance));
    }

    /// <summary>
    /// All sets together, the sums that the README and docs/classifiers.md give. The full-text set is left out: it labels
    /// again records of the first two sets, which would count them twice.
    /// </summary>
    [Fact]
    public void Evaluate_WhenEverySetButTheFullTextOneIsSummed_Agrees1892Of1998OnSourceAnd2009Of2017OnLiver()
    {
        var sets = EverySetButTheFullTextOne.Select(s => Evaluate(Load(s))).ToList();
        var (liver, source) = (sets.SelectMany(s => s.Liver).ToList(), sets.SelectMany(s => s.Source).ToList());
        output.WriteLine($"thirteen sets: MSC source {source.Count(p => p.Truth == p.Got)}/{source.Count}, liver {liver.Count(p => p.Truth == p.Got)}/{liver.Count}");
        Assert.Equal((1892, 1998), (source.Count(p => p.Truth == p.Got), source.Count));
        Assert.Equal((2009, 2017), (liver.Count(p => p.Truth == p.Got), liver.Count));
    }

    /// <summary>
    /// A user's reviewed product list (<c>Fixtures/registry/reviewed-products</c>: nine products whose definitions
    /// <c>products</c> found in 17,196 records) makes six brand-only MSC trials agree and no record disagree. Not blind:
    /// the reader who kept the nine knew which products the classifier missed.
    /// </summary>
    [Fact]
    public void Evaluate_WhenAReviewedProductListIsGiven_AgreesOnSixMoreRecordsAndOnNoneFewer()
    {
        var list = MscProductList.Builtin.WithFile(Path.Combine(Folder("reviewed-products"), "products.csv"));
        var sets = EverySetButTheFullTextOne.Select(s => Load(s)).ToList();

        var without = sets.SelectMany(s => Evaluate(s).Source).ToList();
        var with = sets.SelectMany(s => Evaluate(s, list).Source).ToList();

        var changed = without.Zip(with).Where(p => p.First.Got != p.Second.Got).Select(p => p.Second).ToList();
        output.WriteLine($"with the reviewed list: {with.Count(p => p.Truth == p.Got)}/{with.Count}; changed: " +
            string.Join(", ", changed.Select(c => c.NctId)));
        Assert.All(changed, c => Assert.Equal(c.Truth, c.Got));
        Assert.Equal((1892, 1898, 1998), (without.Count(p => p.Truth == p.Got), with.Count(p => p.Truth == p.Got), with.Count));
    }

    private static readonly string[] EverySetButTheFullTextOne = [First, Blind, SecondBlind, ThirdBlind, FullRecords, FullRecords2,
        FullRecords3, FullRecords4, FullRecords5, FullRecords6, FullRecords7, FullRecords8, FourthBlind];

    /// <summary>
    /// What the agreement is made of, over the same thirteen sets: whether a record gives MSCs at all (any code but
    /// not_applicable), and the tissue where both the label and the classifier say MSCs are given. Most records give
    /// none, so agreement alone says little about the MSC trials themselves. Pinned as (MSC trials found, classifier's MSC
    /// trials, labelled MSC trials; same code among those both call MSC trials); docs/classifiers.md reports them.
    /// </summary>
    [Fact]
    public void Evaluate_WhenEverySetButTheFullTextOneIsSummed_SeparatesFindingMscTrialsFromNamingTheirTissue()
    {
        var source = EverySetButTheFullTextOne.SelectMany(s => Evaluate(Load(s)).Source).ToList();
        const string none = "not_applicable";
        var found = source.Count(p => p.Truth != none && p.Got != none);
        var (said, labelled) = (source.Count(p => p.Got != none), source.Count(p => p.Truth != none));
        var sameCode = source.Count(p => p.Truth != none && p.Got != none && p.Truth == p.Got);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gives MSCs: precision {found}/{said} ({100.0 * found / said:0.0} %), recall {found}/{labelled} ({100.0 * found / labelled:0.0} %); same code where both say MSCs: {sameCode}/{found} ({100.0 * sameCode / found:0.0} %)"));
        Assert.Equal((1131, 1156, 1195, 1114), (found, said, labelled, sameCode));
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
        return Labels(FullText, LabelOfRecord, ("set", [First, Blind]), classic, "msc_source_with_description");
    }

    private (List<(string Truth, string Got, string NctId)> Liver, List<(string Truth, string Got, string NctId)> Source) Evaluate(
        IReadOnlyList<Labelled> set, MscProductList? products = null)
    {
        var liver = set.Select(l => (Truth: l.Liver ? "liver" : "not_liver",
            Got: ConditionCategory.Classify(Text(l.Study)).Value.Category == Condition.NotLiver ? "not_liver" : "liver", l.Study.NctId)).ToList();
        var source = set.Where(l => l.Source is not null).Select(l => (Truth: l.Source!,
            Got: CodeSet<MscSourceCode>.Code(MscSource.Classify(Text(l.Study), products).Value), l.Study.NctId)).ToList();
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
