using MscAlf.Concepts;
using MscAlf.Data;
using Plotly.NET;
using Props = System.Collections.Generic.Dictionary<string, object>;

namespace MscAlf.Figures;

/// <summary>
/// Figure 2 of the review rebuilt from registry records: six panels on a trial set — (A) phase, (B) status,
/// (C) MSC source, (D) location, (E) participant number, (F) condition — and the composite 2×3 figure.
/// Every panel is a function from a trial set to a chart; its counts are those of the matching <see cref="Tally"/>.
/// </summary>
public sealed class Figure2
{
    private readonly IReadOnlyList<Trial> _trials;
    private readonly StatusSnapshot _snapshot;
    private readonly string _population;

    /// <summary>Prepares the panels for <paramref name="trials"/>.</summary>
    /// <param name="trials">The trial set (usually <see cref="Dataset.November2021Trials"/>).</param>
    /// <param name="snapshot">Which status panel B shows.</param>
    /// <param name="population">How titles name the set (e.g. "in-scope trials first posted before 2021-12-01").</param>
    public Figure2(IReadOnlyList<Trial> trials, StatusSnapshot snapshot, string population)
    {
        _trials = trials;
        _snapshot = snapshot;
        _population = population;
    }

    private string Denominator => $"{_trials.Count} trials, {_population}";

    /// <summary>Panel A: trials per phase.</summary>
    public Tally PhaseTally() => Tally.Of(TrialPhase.Values, _trials, TrialConcepts.Phase, "Phase", Denominator);

    /// <summary>Panel B: trials per status at the snapshot.</summary>
    public Tally StatusTally() =>
        Tally.Of(TrialStatus.Values, _trials, t => TrialConcepts.Status(t, _snapshot), "Status", Denominator);

    /// <summary>Panel C: trials per curated MSC source.</summary>
    public Tally SourceTally() => Tally.Of(MscSource.Values, _trials, TrialConcepts.Source, "MSC source", Denominator);

    /// <summary>Panel D: trials per country (a trial counts once in each of its countries).</summary>
    public Tally CountryTally() =>
        Tally.OfMany([], _trials, TrialConcepts.Countries, "Country", Denominator + "; a multi-country trial counts in each");

    /// <summary>Panel E: trials per enrollment band.</summary>
    public Tally BandTally() => Tally.Of(EnrollmentBand.Values, _trials, TrialConcepts.Band, "Participants", Denominator);

    /// <summary>Panel F: trials per condition category.</summary>
    public Tally ConditionTally() =>
        Tally.Of(ConditionCategory.Values, _trials, t => TrialConcepts.Condition(t).Category, "Condition", Denominator);

    /// <summary>The six panels and the composite, with their stable names.</summary>
    public IReadOnlyList<Figure> All() => [.. Builders().Select(b => b.Build())];

    /// <summary>One panel as a figure: <paramref name="letter"/> is A (phase) to F (condition). Builds that panel only.</summary>
    public Figure Panel(char letter) =>
        Builders().FirstOrDefault(b => b.Name.StartsWith($"figure2-{char.ToLowerInvariant(letter)}-", StringComparison.Ordinal)).Build?.Invoke()
            ?? throw new ArgumentOutOfRangeException(nameof(letter), letter, "Figure 2 has panels A to F.");

    private (string Name, Func<Figure> Build)[] Builders() =>
    [
        ("figure2-a-phase", () => new("figure2-a-phase", "Figure 2A. Phase", Plot.Single(PanelA(1), Title("A. Phase")))),
        ("figure2-b-status", () => new("figure2-b-status", "Figure 2B. Status", Plot.Single(PanelB(1), Title($"B. Status ({TrialStatus.Describe(_snapshot)})")))),
        ("figure2-c-source", () => new("figure2-c-source", "Figure 2C. MSC source", Plot.Single(PanelC(1), Title("C. MSC source")))),
        ("figure2-d-location", () => new("figure2-d-location", "Figure 2D. Location", LocationFigure())),
        ("figure2-e-participants", () => new("figure2-e-participants", "Figure 2E. Participant number", Plot.Single(PanelE(1), Title("E. Participant number")))),
        ("figure2-f-condition", () => new("figure2-f-condition", "Figure 2F. Condition", Plot.Single(PanelF(1), Title("F. Condition"), height: 560))),
        ("figure2", () => new("figure2", "Figure 2. Trial landscape (composite)", Composite())),
    ];

    /// <summary>
    /// The composite figure with panel letters, three rows of two panels (A B, C D, E F) so that it stays readable at
    /// the width of a notebook column; panel D is the world map with its colour scale.
    /// </summary>
    public GenericChart Composite() =>
        Plot.Grid([PanelA(1), PanelB(2), PanelC(3), PanelMap(4), PanelE(5), PanelF(6)],
            $"Figure 2. Clinical trials of MSC therapy in liver conditions<br><sup>n = {_trials.Count} {_population}; status: {TrialStatus.Describe(_snapshot)}</sup>",
            rows: 3, cols: 2, width: 1000, height: 1400);

    private string Title(string panel) => $"{panel}<br><sup>n = {Denominator}; registry snapshot October 2022</sup>";

    private static Panel BarsPanel(string title, Tally tally, int slot, string unit = "trials") =>
        new(title, [Plot.Bars(tally, slot, unit)], Plot.CountAxis("Trials"), Plot.CategoryAxis(tally.Rows.Select(r => r.Category.Label)));

    private Panel PanelA(int slot) => BarsPanel("A. Phase", PhaseTally(), slot);

    private Panel PanelB(int slot) => BarsPanel("B. Status", StatusTally(), slot);

    private Panel PanelC(int slot) => BarsPanel("C. MSC source", SourceTally(), slot);

    private Panel PanelCountries(int slot)
    {
        var tally = CountryTally();
        return new Panel("Trials per country, ranked", [Plot.Bars(tally, slot, "trials")],
            Plot.CountAxis("Trials"), Plot.CategoryAxis(tally.Rows.Select(r => r.Category.Label)));
    }

    private Panel PanelMap(int slot)
    {
        var tally = CountryTally();
        var mapped = tally.Rows.Where(r => Country.ByCode(r.Category.Code) is not null).ToList();
        var trace = new TraceGeo("choropleth");
        trace.SetProperty("name", "Trials per country");
        trace.SetProperty("locationmode", "ISO-3");
        trace.SetProperty("locations", mapped.Select(r => r.Category.Code).ToArray());
        trace.SetProperty("z", mapped.Select(r => r.Count).ToArray());
        trace.SetProperty("text", Plot.Text(mapped.Select(r => r.Category.Label)));
        trace.SetProperty("customdata", mapped.Select(r => Math.Round(r.Percent, 1)).ToArray());
        trace.SetProperty("hovertemplate", $"%{{text}}<br>%{{z}} trials (%{{customdata:.1f}}% of {tally.Denominator})<extra></extra>");
        trace.SetProperty("colorscale", new object[] { new object[] { 0, "#DEEBF7" }, new object[] { 1, "#08306B" } });
        trace.SetProperty("marker", new Props { ["line"] = new Props { ["color"] = "#FFFFFF", ["width"] = 0.5 } });
        trace.SetProperty("showscale", true);
        trace.SetProperty("geo", Plot.Axes(slot).Geo);
        var geo = new Props
        {
            ["projection"] = new Props { ["type"] = "natural earth" },
            ["showframe"] = false, ["showcoastlines"] = false, ["showcountries"] = true, ["countrycolor"] = "#BBBBBB",
            ["showland"] = true, ["landcolor"] = "#F4F4F4",
        };
        return new Panel(slot == 1 ? "Trials per country, map" : "D. Location", [trace], Geo: geo);
    }

    private GenericChart LocationFigure()
    {
        var map = PanelMap(1);
        var bars = PanelCountries(2);
        var none = CountryTally()["none"];
        var several = _trials.Count(t => TrialConcepts.Countries(t).Count > 1);
        var multi = several == 0 ? "no trial lists more than one" : $"{several} list more than one";
        return Plot.Grid([map, bars],
            Title($"D. Location: a trial counts once in each of its countries ({multi}); {none} list no location"),
            rows: 2, cols: 1, width: 1000, height: 1000);
    }

    private Panel PanelE(int slot)
    {
        var bands = BandTally();
        var labels = bands.Rows.Select(r => r.Category.Label).ToArray();
        var kinds = EnrollmentBand.Kinds.Order.Where(k => _trials.Any(t => TrialConcepts.CountKind(t) == k));
        var traces = kinds.Select(kind =>
        {
            var inKind = _trials.Where(t => TrialConcepts.CountKind(t) == kind).ToList();
            var counts = bands.Rows.Select(r => inKind.Count(t => EnrollmentBand.Values[TrialConcepts.Band(t)].Code == r.Category.Code)).ToArray();
            var category = EnrollmentBand.Kinds[kind];
            var trace = Plot.Segment(slot, category.Label, labels, counts, category.Color, _trials.Count, blankZeros: false);
            trace.SetProperty("hovertemplate", $"%{{y}} · {category.Label}<br>%{{x}} trials (%{{customdata:.1f}}% of {_trials.Count})<extra></extra>");
            trace.SetProperty("constraintext", "none");
            trace.SetProperty("legendgroup", "enrollment");
            return (Trace)trace;
        }).ToList();
        return new Panel("E. Participants (actual vs target)", traces, Plot.CountAxis("Trials"),
            Plot.CategoryAxis(labels), ShowLegend: true);
    }

    private Panel PanelF(int slot)
    {
        var tally = ConditionTally();
        var labels = tally.Rows.Select(r => r.Category.Label).ToArray();
        var cirrhosis = ConditionCategory.Values[Condition.Cirrhosis].Label;
        var traces = new List<Trace>();
        var others = tally.Rows.Select(r => r.Category.Label == cirrhosis ? 0 : r.Count).ToArray();
        var main = Plot.Bar(slot, "Condition", labels, others, [.. tally.Rows.Select(r => r.Category.Color)],
            [.. tally.Rows.Select(r => Math.Round(r.Percent, 1))]);
        main.SetProperty("hovertemplate", $"%{{y}}<br>%{{x}} trials (%{{customdata:.1f}}% of {tally.Denominator})<extra></extra>");
        main.SetProperty("showlegend", false);
        traces.Add(main);
        var inCirrhosis = _trials.Select(TrialConcepts.Condition).Where(c => c.Category == Condition.Cirrhosis).ToList();
        foreach (var subtype in ConditionCategory.Subtypes.Order)
        {
            var n = inCirrhosis.Count(c => c.Subtype == subtype);
            if (n == 0)
            {
                continue;
            }
            var category = ConditionCategory.Subtypes[subtype];
            var counts = labels.Select(l => l == cirrhosis ? n : 0).ToArray();
            // The legend names each segment with its count, so the smallest segment is labelled even where its bar is
            // too narrow for the number inside it.
            var trace = Plot.Segment(slot, $"Cirrhosis: {category.Label} ({n})", labels, counts, category.Color, _trials.Count, blankZeros: true);
            trace.SetProperty("insidetextanchor", "middle");
            trace.SetProperty("constraintext", "none");
            trace.SetProperty("hovertemplate", $"Cirrhosis · {category.Label}<br>%{{x}} trials (%{{customdata:.1f}}% of {_trials.Count})<extra></extra>");
            traces.Add(trace);
        }
        return new Panel("F. Condition (cirrhosis split by subtype)", traces, Plot.CountAxis("Trials"), Plot.CategoryAxis(labels), ShowLegend: true);
    }
}
