using System.Globalization;
using System.Text;
using MscAlf.Codes;
using MscAlf.Concepts;
using MscAlf.Data;
using MscAlf.IO;
using MscAlf.Registry;

namespace MscAlf.Jobs;

/// <summary>What the products job (<see cref="ProductsJob"/>) reads and writes.</summary>
public sealed record ProductsJobOptions
{
    /// <summary>The registry's bulk zip, a folder, an API v2 JSON file or a website CSV export.</summary>
    public required string Input { get; init; }

    /// <summary>The candidates, a CSV file in the columns of a product list.</summary>
    public required string Output { get; init; }

    /// <summary>Product lists whose names are known already (added to the library's own) and are left out.</summary>
    public IReadOnlyList<string> ProductLists { get; init; } = [];

    /// <summary>Skip records that cannot be read, reporting each one, instead of failing.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Stops the job (an interrupt); the output is left as it was.</summary>
    public CancellationToken Cancellation { get; init; }
}

/// <summary>What the products job found.</summary>
/// <param name="Read">Records read (skipped ones included).</param>
/// <param name="Skipped">Records that could not be read and were skipped.</param>
/// <param name="Definitions">Candidate rows written: one per name, record and pattern.</param>
/// <param name="Names">Distinct names among them.</param>
/// <param name="KnownLeftOut">Definitions of names the product lists hold already, left out.</param>
/// <param name="Disagreeing">Names whose rows give two or more tissues: to settle before the file is used.</param>
/// <param name="Output">The full path of the file written.</param>
public sealed record ProductsJobResult(long Read, long Skipped, int Definitions, int Names, int KnownLeftOut, int Disagreeing, string Output)
{
    /// <summary>One line for the user.</summary>
    public string Summary =>
        string.Create(CultureInfo.InvariantCulture, $"Read {Read} records (skipped {Skipped} invalid); found {Definitions} candidate definitions of {Names} names not in the product list ") +
        string.Create(CultureInfo.InvariantCulture, $"({KnownLeftOut} definitions of listed names left out; {Disagreeing} names with rows of different tissues); wrote {Output}. ") +
        "Read every row: keep only products a sentence defines as MSCs given, then pass the file to import --products.";
}

/// <summary>
/// The products job: reads registry records as <c>import</c> does (streamed) and writes every sentence that defines a
/// brand or code as MSCs (<see cref="MscProductDefinitions"/>) whose name no product list holds yet, as rows of a product
/// list (<see cref="MscProductList"/>) for a person to review: the defining record is the source, its address the url,
/// and the tissue the sentence names (the MSC source classifier's reading of it alone) or <c>unspecified</c>.
/// </summary>
public static class ProductsJob
{
    /// <summary>
    /// Runs the job. Throws <see cref="JobFailedException"/> with located messages when the input is missing, the output is
    /// refused, a product list is invalid, or a record cannot be read (unless <see cref="ProductsJobOptions.SkipInvalid"/>);
    /// nothing is written then.
    /// </summary>
    public static ProductsJobResult Run(ProductsJobOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        if (FileIdentity.KindOf(options.Input) == FileKind.Missing)
        {
            throw new JobFailedException($"{Located.Value(options.Input)}: no such file or folder");
        }
        if (!options.Output.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new JobFailedException($"{Located.Value(options.Output)}: the candidates are a product list; give a .csv file");
        }
        try
        {
            OutputGuard.CheckFile(options.Output, [options.Input, .. options.ProductLists]);
            AtomicOutput.CheckWritable(Path.GetFullPath(options.Output));
            var known = options.ProductLists.Aggregate(MscProductList.Builtin, (list, file) => list.WithFile(file));
            var found = new Candidates(known);
            var (read, skipped) = (0L, 0L);
            foreach (var item in RegistryReader.Read(options.Input, note => progress.WriteLine($"  {note}")))
            {
                options.Cancellation.ThrowIfCancellationRequested();
                read++;
                if (item.Study is { } study)
                {
                    found.Add(study);
                    continue;
                }
                if (!options.SkipInvalid)
                {
                    throw new JobFailedException($"{item.Errors[0]}; nothing was written (--skip-invalid skips such records)");
                }
                skipped++;
                progress.WriteLine($"  skipped {item.Errors[0]}");
            }
            var rows = found.Rows();
            AtomicOutput.WriteText(options.Output, writer =>
            {
                using var csv = SafeCsv.Writer(writer);
                csv.Header(MscProductList.Schema("candidates").Columns.Select(c => c.Name));
                foreach (var row in rows)
                {
                    csv.Row([row.Product, row.Name, row.Tissue, null, row.Source, row.Url]);
                }
            });
            var disagreeing = rows.GroupBy(r => r.Product).Count(g => g.Select(r => r.Tissue).Where(t => t != Unspecified).Distinct().Count() > 1);
            return new(read, skipped, rows.Count, rows.Select(r => r.Product).Distinct().Count(), found.Known, disagreeing,
                Path.GetFullPath(options.Output));
        }
        catch (DataValidationException ex)
        {
            throw new JobFailedException(ImportJob.ProductListFailure(ex, "nothing was written"), ex);
        }
        catch (Exception ex) when (ex is OutputRefusedException or OutputLocationException)
        {
            throw new JobFailedException($"{ex.Message}; nothing was written", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new JobFailedException($"{Located.Value(options.Output)}: cannot write the candidates ({Located.Message(ex.Message.Split('\n')[0])}); nothing was written", ex);
        }
    }

    private static readonly string Unspecified = CodeSet<MscSourceCode>.Code(MscSourceCode.Unspecified);

    private sealed record Row(string Product, string Name, string Tissue, string Source, string Url, string NctId, string Pattern, string Field);

    /// <summary>The definitions found so far, one per name (letters and digits), record and pattern.</summary>
    private sealed class Candidates(MscProductList known)
    {
        private readonly Dictionary<string, string> _spelling = new(StringComparer.Ordinal);
        private readonly HashSet<(string Key, string NctId, string Pattern)> _seen = [];
        private readonly List<Row> _rows = [];

        public int Known { get; private set; }

        public void Add(RegistryStudy study)
        {
            (string Field, string? Text)[] fields =
            [
                ("brief title", study.Title), ("official title", study.OfficialTitle), ("brief summary", study.Summary),
                ("detailed description", study.Description), .. study.Interventions.Select(i => ("intervention", (string?)i)),
                .. study.Arms.Select(a => ("arm", (string?)a)),
            ];
            foreach (var (field, text) in fields)
            {
                foreach (var definition in MscProductDefinitions.In(text is null ? null : TextFold.Fold(text)))
                {
                    Add(study.NctId, field, definition);
                }
            }
        }

        private void Add(string nctId, string field, MscProductDefinition definition)
        {
            // The list's own key, so that a name counts as the same here as when the file is read back.
            var key = MscProductList.Key(definition.Name);
            if (!_seen.Add((key, nctId, definition.Pattern)))
            {
                return;
            }
            if (known.Named(definition.Name) is not null)
            {
                Known++;
                return;
            }
            var product = _spelling.TryGetValue(key, out var first) ? first : _spelling[key] = definition.Name;
            var sentence = Clean(definition.Sentence);
            var tissue = MscSource.Classify(new StudyText { Title = sentence }).Value is var code && code is not
                (MscSourceCode.NotApplicable or MscSourceCode.Mixed) ? CodeSet<MscSourceCode>.Code(code) : Unspecified;
            _rows.Add(new(product, definition.Name, tissue, $"{nctId} {field} ({definition.Pattern}): \"{sentence}\"",
                $"https://clinicaltrials.gov/study/{nctId}", nctId, definition.Pattern, field));
        }

        public IReadOnlyList<Row> Rows() =>
        [
            .. _rows.OrderBy(r => r.Product, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.NctId, StringComparer.Ordinal)
                .ThenBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Field, StringComparer.Ordinal),
        ];

        /// <summary>The sentence without control or invisible format characters, which a data file may not hold.</summary>
        private static string Clean(string sentence)
        {
            var clean = new StringBuilder(sentence.Length);
            foreach (var rune in sentence.EnumerateRunes())
            {
                var category = Rune.GetUnicodeCategory(rune);
                if (rune != Rune.ReplacementChar && category is not (UnicodeCategory.Control or UnicodeCategory.Format))
                {
                    clean.Append(rune.ToString());
                }
            }
            return clean.ToString();
        }
    }
}
