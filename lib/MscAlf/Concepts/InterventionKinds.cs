using MscAlf.Codes;

namespace MscAlf.Concepts;

/// <summary>
/// Display labels and order of the curated intervention kinds of the review's preclinical tables
/// (<see cref="InterventionKind"/>; codes defined in data/README.md): first the MSC-based strategies of Table 2,
/// in the order the review's abstract names them, then the MSC-derived products of Table 3.
/// </summary>
public static class InterventionKinds
{
    /// <summary>Labels, colours and display order.</summary>
    public static ValueSet<InterventionKind> Values { get; } = new(
        (InterventionKind.GeneticallyModifiedMsc, "Genetically modified MSCs", "#0072B2"),
        (InterventionKind.PrimedMsc, "Pretreated (primed) MSCs", "#56B4E9"),
        (InterventionKind.MscPlusBiomaterial, "MSCs on a biomaterial", "#009E73"),
        (InterventionKind.MscPlusDrug, "MSCs plus a drug", "#E69F00"),
        (InterventionKind.MscPlusOther, "MSCs plus another modality", "#D55E00"),
        (InterventionKind.Exosome, "MSC exosomes", "#CC79A7"),
        (InterventionKind.ExtracellularVesicles, "MSC extracellular vesicles", "#6A3D9A"),
        (InterventionKind.ConditionedMedium, "MSC-conditioned medium", "#8C564B"));
}
