using System.Text.RegularExpressions;

namespace MscAlf.Concepts;

/// <summary>
/// A place where registry text defines a brand-like name as MSCs: a candidate for a product list, to be read by hand.
/// </summary>
/// <param name="Name">The name as written ("ALLO-ASC-DFU", "CELYVIR").</param>
/// <param name="Pattern">Which of the five patterns matched (<see cref="MscProductDefinitions.Patterns"/>).</param>
/// <param name="Sentence">The sentence, its white space collapsed, cut to 400 characters.</param>
public sealed record MscProductDefinition(string Name, string Pattern, string Sentence);

/// <summary>
/// Finds the sentences that define a brand or code as MSCs ("ALLO-ASC-DFU is a hydrogel sheet containing allogenic
/// adipose-derived mesenchymal stem cells"), so that a product named only by that brand in other records can be
/// recognised once a person has read the definition and added it to a product list (<see cref="MscProductList"/>).
/// </summary>
/// <remarks>
/// <para>The five patterns of <c>tools/mine_msc_products.py</c>, with which the library's own list was built (the length
/// bounds of a definition differ a little, below), within one sentence:
/// <c>NAME (… MSC term …)</c>, <c>MSC term … (NAME)</c>, <c>NAME, a/an/the … MSC term</c>, <c>NAME is/are/consists of/
/// contains/comprises … MSC term</c> and <c>NAME: … MSC term</c> (an intervention written "Name: description"). A
/// registered or trademark sign (®, ™, "(R)", "(TM)") or "Inj." may follow the name. The MSC terms are mesenchymal
/// stem, stromal, progenitor or precursor cells, MSC with a prefix, stromal cells, ADSC and MPC.</para>
/// <para>A brand-like name is one word of letters and digits, parts joined by hyphens, with at least five letters or
/// digits and a digit, two capitals, a capital inside the word, or a sign after it; a name that is itself an MSC term
/// (UC-MSC, hMSC, ADSC, MSC-NTF) is left out, since the classifier reads it as MSCs already, and so are the registry's
/// intervention types and section headings written in capitals (BIOLOGICAL, OUTLINE, PURPOSE).</para>
/// <para>These are candidates, not products: trial acronyms, diseases, scales, markers and protocol numbers match the
/// patterns too (the library's own list kept 54 of 119 names found in 101,016 records; docs/classifiers.md). Nothing
/// found here is used until a person keeps it.</para>
/// </remarks>
public static partial class MscProductDefinitions
{
    private const string Term = @"(?:mesenchymal(?:(?>\s+)|-)(?:stem|stromal|progenitor|precursor)?\s*cells?|mesenchymal\s+stem|" +
        @"mesenchymal\s+stromal|\b\w*-?MSCs?\b|stromal\s+cells?|\bADSCs?\b|\bMPCs?\b)";

    private const string Name = @"(?<name>[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)";

    private const string Mark = @"(?<mark>\s*(?:®|™|\((?:R|TM)\)))?(?:\s+Inj\.?)?";

    /// <summary>The five patterns, by the name a definition reports.</summary>
    public static IReadOnlyList<string> Patterns { get; } = ["name-then-definition", "definition-then-name", "apposition", "copula", "label"];

    /// <summary>
    /// Words of the registry's own structure that the patterns meet in capitals: intervention types ("BIOLOGICAL: mesenchymal
    /// stem cells") and the section headings of summaries ("OUTLINE: … MSCs"). They are never products.
    /// </summary>
    private static readonly HashSet<string> RecordWords = new(
    [
        "BIOLOGICAL", "DRUG", "DEVICE", "PROCEDURE", "OTHER", "GENETIC", "BEHAVIORAL", "RADIATION", "DIETARY_SUPPLEMENT",
        "COMBINATION_PRODUCT", "DIAGNOSTIC_TEST", "OUTLINE", "PURPOSE", "OBJECTIVE", "OBJECTIVES", "RATIONALE", "BACKGROUND",
        "METHODS", "DESIGN", "INTERVENTION", "INTERVENTIONS", "TREATMENT", "CELLS", "TRANSPLANT", "PRODUCT",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly Regex[] Shapes = [NameThenDefinition(), DefinitionThenName(), Apposition(), Copula(), Label()];

    /// <summary>Every definition in <paramref name="text"/>, once per name and pattern, in the order found.</summary>
    public static IReadOnlyList<MscProductDefinition> In(string? text)
    {
        if (text is null || !Hint().IsMatch(text))
        {
            return [];
        }
        var found = new List<MscProductDefinition>();
        var seen = new HashSet<(string Name, string Pattern)>();
        foreach (var sentence in Sentence().Split(text))
        {
            string? words = null; // the sentence with its white space collapsed, made once and only when needed
            for (var p = 0; p < Shapes.Length; p++)
            {
                foreach (var (name, marked) in Names(Shapes[p], sentence))
                {
                    if (BrandLike(name, marked) && seen.Add((name.ToUpperInvariant(), Patterns[p])))
                    {
                        words ??= Cut(string.Join(' ', sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), 400);
                        found.Add(new(name, Patterns[p], words));
                    }
                }
            }
        }
        return found;
    }

    /// <summary>
    /// The names a pattern defines as MSCs in a sentence. Each search starts again just after the last name, not after the
    /// whole match, so a definition that holds the next name ("AB123 is an MSC product and CD456 is …") does not hide it.
    /// </summary>
    private static IEnumerable<(string Name, bool Marked)> Names(Regex shape, string sentence)
    {
        for (var match = shape.Match(sentence); match.Success;)
        {
            var name = match.Groups["name"];
            if (match.Groups["def"] is not { Success: true } definition || TermIn().IsMatch(definition.Value))
            {
                yield return (name.Value, match.Groups["mark"].Success);
            }
            var next = Math.Max(name.Index + name.Length, match.Index + 1);
            match = next < sentence.Length ? shape.Match(sentence, next) : Match.Empty;
        }
    }

    /// <summary>The first <paramref name="length"/> characters, never ending inside a surrogate pair.</summary>
    private static string Cut(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];

    /// <summary>A brand-like name; one written with a registered or trademark sign is one whatever its capitals (Cartistem®).</summary>
    public static bool BrandLike(string name, bool marked)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Count(char.IsAsciiLetterOrDigit) < 5 || SelfMsc().IsMatch(name) || RecordWords.Contains(name))
        {
            return false;
        }
        return marked || name.Any(char.IsAsciiDigit) || name.Count(char.IsAsciiLetterUpper) >= 2 || name.Skip(1).Any(char.IsAsciiLetterUpper);
    }

    // The definition is taken whole (bounded, greedy, no lazy loops: a .NET 10 engine fault once hung on bounded lazy loops)
    // and must hold an MSC term. The Python tool's lazy loops stop at the first MSC term instead, so the bounds differ a
    // little: here a definition after the verb holds its term within 120 characters, and one in brackets within 400.
    [GeneratedRegex(@"(?<![\w-])" + Name + Mark + @"\s*\((?<def>[^()]{1,400})\)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex NameThenDefinition();

    [GeneratedRegex(Term + @"[^().;]{0,80}\(\s*" + Name + Mark + @"\s*[),;]", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex DefinitionThenName();

    [GeneratedRegex(@"(?<![\w-])" + Name + Mark + @",\s+(?:an?|the)\s+(?<def>[^.;()]{1,120})", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex Apposition();

    [GeneratedRegex(@"(?<![\w-])" + Name + Mark + @"\s+(?:is|are|consists?\s+of|contains?|comprises?)\s+(?<def>[^.;()]{1,120})",
        RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex Copula();

    [GeneratedRegex(@"^(?:[A-Za-z ]+:\s*)?" + Name + Mark + @"\s*:\s*(?<def>[^.;]{1,120})", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex Label();

    [GeneratedRegex(Term, RegexOptions.IgnoreCase)]
    private static partial Regex TermIn();

    [GeneratedRegex("mesenchymal|MSC|stromal|ADSC|MPC", RegexOptions.IgnoreCase)]
    private static partial Regex Hint();

    [GeneratedRegex(@"^(?:" + Term + @"|\w*ASCs?)$|(?:^|-)\w*MSCs?(?:-|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SelfMsc();

    /// <summary>A sentence ends at . ! or ? before a capital or a bracket, except after "Inj." ("FURESTEM-CD Inj. (…)").</summary>
    [GeneratedRegex(@"(?<=[.!?])(?<!Inj\.)\s+(?=[A-Z(])")]
    private static partial Regex Sentence();
}
