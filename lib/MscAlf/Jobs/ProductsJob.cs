using System.Globalization;
using System.Text;
using MscAlf.Codes;
using MscAlf.Concepts;
using MscAlf.IO;
using MscAlf.Registry;

namespace MscAlf.Jobs;

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
            var found = new Candidates(ProductLists.Load(options.ProductLists, "nothing was written"));
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
                    csv.Row([row.Product, row.Name, row.Tissue, null, row.Source, $"https://clinicaltrials.gov/study/{row.NctId}"]);
                }
            });
            var disagreeing = rows.GroupBy(r => r.Product).Count(g => g.Select(r => r.Tissue).Where(t => t != Unspecified).Distinct().Count() > 1);
            return new(read, skipped, rows.Count, rows.Select(r => r.Product).Distinct().Count(), found.Known, disagreeing,
                Path.GetFullPath(options.Output));
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

    private sealed record Row(string Product, string Name, string Tissue, string NctId, string Source);

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
            _rows.Add(new(product, definition.Name, tissue, nctId, $"{nctId} {field} ({definition.Pattern}): \"{sentence}\""));
        }

        public IReadOnlyList<Row> Rows() =>
        [
            .. _rows.OrderBy(r => r.Product, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Source, StringComparer.Ordinal),
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
