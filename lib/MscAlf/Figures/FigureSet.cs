using MscAlf.Concepts;
using MscAlf.Data;

namespace MscAlf.Figures;

/// <summary>Every figure the project publishes, built from a dataset.</summary>
public static class FigureSet
{
    /// <summary>How titles name the November-2021 population.</summary>
    public const string PopulationName = "in-scope trials first posted before 2021-12-01";

    /// <summary>Figure 2 (panels and composite), the evidence figures and the exploration figures, in that order.</summary>
    public static IReadOnlyList<Figure> Build(Dataset dataset, StatusSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var population = dataset.November2021Trials;
        return
        [
            .. new Figure2(population, snapshot, PopulationName).All(),
            .. EvidenceFigures.All(dataset),
            .. ExplorationFigures.All(population, PopulationName),
        ];
    }
}
