using System.Globalization;
using MscAlf.Codes;
using MscAlf.Concepts;
using MscAlf.Data;
using MscAlf.Registry;
using Xunit.Abstractions;

namespace MscAlf.Tests.Concepts;

/// <summary>
/// The classifiers against the hand-labelled evaluation set (Fixtures/registry/evaluation): real registry records
/// other than the curated 87, each labelled by reading it, with the evidence kept in labels.csv. Records labelled
/// <c>x</c> (the text cannot tell) are left out. The figures are printed and pinned; docs/classifiers.md reports them.
/// </summary>
public sealed class ClassifierEvaluationTests(ITestOutputHelper output)
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "registry", "evaluation");

    internal sealed record Labelled(RegistryStudy Study, bool Liver, string? Source);

    internal static IReadOnlyList<Labelled> Load()
    {
        var studies = new[] { "mapclinical_classic_export.csv", "healthdata_studies.json" }
            .SelectMany(f => RegistryReader.Read(Path.Combine(Folder, f)))
            .Select(i => i.Study ?? throw new InvalidOperationException(string.Join("; ", i.Errors)))
            .ToDictionary(s => s.NctId);
        var (rows, errors) = CsvTable.Read(Path.Combine(Folder, "labels.csv"), LabelSchema);
        Assert.Empty(errors);
        return [.. rows.Select(r => new Labelled(studies[r.Required("nct_id")], r.Required("liver") == "liver",
            r.Required("msc_source") is var s && s == "x" ? null : s))];
    }

    private static readonly TableSchema LabelSchema = new("labels.csv",
    [
        new("nct_id", ColumnType.Text, true, []) { Pattern = "^NCT[0-9]{8}$" },
        new("source", ColumnType.Code, true, ["mapclinical_classic_export.csv", "healthdata_studies.json"]),
        new("liver", ColumnType.Code, true, ["liver", "not_liver"]),
        new("msc_source", ColumnType.Code, true, [.. CodeSet<MscSourceCode>.Codes, "x"]),
        new("evidence", ColumnType.Text, true, []),
    ], ["nct_id"]);

    internal static StudyText Text(RegistryStudy s) => RegistryImport.TextOf(s);

    [Fact]
    public void Evaluate_WhenHandLabelledRecords_PrintsAgreementPerClass()
    {
        var set = Load();
        var liver = set.Select(l => (Truth: l.Liver ? "liver" : "not_liver",
            Got: ConditionCategory.Classify(Text(l.Study)).Value.Category == Condition.NotLiver ? "not_liver" : "liver", l.Study.NctId)).ToList();
        var source = set.Where(l => l.Source is not null).Select(l => (Truth: l.Source!,
            Got: CodeSet<MscSourceCode>.Code(MscSource.Classify(Text(l.Study)).Value), l.Study.NctId)).ToList();
        Report("liver vs not liver", liver);
        Report("MSC source", source);
        // Pinned: docs/classifiers.md reports these figures; change both together.
        Assert.Equal((274, 272), (liver.Count, source.Count));
        Assert.Equal(273, liver.Count(p => p.Truth == p.Got));
        Assert.Equal(247, source.Count(p => p.Truth == p.Got)); // 244 before the MSC product list
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
