namespace MscAlf.Codes;

/// <summary>Whether a registry record belongs to the review's trial population (see data/README.md).</summary>
public enum Scope
{
    /// <summary>MSC therapy in a liver condition, registered by the review's search.</summary>
    InScope,
    /// <summary>Related but arguable (hepatocytes from MSCs, no MSC administered, …); kept out of counts.</summary>
    Borderline,
    /// <summary>Not a liver condition (picked up by a misleading registry field).</summary>
    OutOfScope,
    /// <summary>Cells not described as MSCs (HepaStem).</summary>
    Excluded,
    /// <summary>First posted after 30 November 2021, so after the review's search.</summary>
    RegisteredAfterCutoff,
    /// <summary>Known only from a review table; the registry record itself was not read.</summary>
    Unverified,
}
