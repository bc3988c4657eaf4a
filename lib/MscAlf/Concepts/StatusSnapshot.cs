namespace MscAlf.Concepts;

/// <summary>Which status a figure shows: the registry value of the snapshot or the value derived for November 2021.</summary>
public enum StatusSnapshot
{
    /// <summary>The registry's overall status as of the October 2022 snapshot.</summary>
    Registry2022October,
    /// <summary>The status derived for November 2021 (rule in data/README.md); not available where the record changed later.</summary>
    Derived2021November,
}
