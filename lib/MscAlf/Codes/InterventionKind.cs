namespace MscAlf.Codes;

/// <summary>What a preclinical study of the review's Tables 2–3 administered (see data/README.md).</summary>
public enum InterventionKind
{
    /// <summary>Exosomes isolated from MSCs.</summary>
    Exosome,
    /// <summary>Extracellular vesicles from MSCs.</summary>
    ExtracellularVesicles,
    /// <summary>Medium conditioned by MSCs (secretome).</summary>
    ConditionedMedium,
    /// <summary>MSCs engineered to overexpress a gene.</summary>
    GeneticallyModifiedMsc,
    /// <summary>MSCs given with a drug, cytokine or antagonist.</summary>
    MscPlusDrug,
    /// <summary>MSCs delivered on or in a biomaterial (scaffold, membrane).</summary>
    MscPlusBiomaterial,
    /// <summary>MSCs combined with another modality (e.g. neutrophil depletion).</summary>
    MscPlusOther,
    /// <summary>MSCs pretreated (primed) before administration.</summary>
    PrimedMsc,
}
