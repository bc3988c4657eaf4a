namespace MscAlf.Codes;

/// <summary>
/// The tissue the administered MSCs (or their products) come from. Codes are shared by every file,
/// figure and export of the project; <see cref="CodeSet{T}"/> gives their snake_case spelling.
/// </summary>
public enum MscSourceCode
{
    /// <summary>Bone marrow.</summary>
    BoneMarrow,
    /// <summary>Umbilical cord tissue, Wharton's jelly included.</summary>
    UmbilicalCord,
    /// <summary>Umbilical cord blood.</summary>
    CordBlood,
    /// <summary>Adipose tissue.</summary>
    Adipose,
    /// <summary>Placenta.</summary>
    Placenta,
    /// <summary>Amnion or amniotic fluid.</summary>
    Amniotic,
    /// <summary>Menstrual blood.</summary>
    MenstrualBlood,
    /// <summary>Dental pulp.</summary>
    DentalPulp,
    /// <summary>Skin (dermis).</summary>
    Skin,
    /// <summary>Derived from induced pluripotent stem cells.</summary>
    IpscDerived,
    /// <summary>A tissue outside this list (the evidence or note says which).</summary>
    Other,
    /// <summary>Two or more tissues.</summary>
    Mixed,
    /// <summary>The text was read and names no tissue.</summary>
    Unspecified,
    /// <summary>No MSCs are given (e.g. an observational study of endogenous MSCs).</summary>
    NotApplicable,
}
