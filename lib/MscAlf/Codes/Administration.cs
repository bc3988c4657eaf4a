namespace MscAlf.Codes;

/// <summary>Whose cells are given, as the registry record states it.</summary>
public enum Administration
{
    /// <summary>The patient's own cells.</summary>
    Autologous,
    /// <summary>Cells from a donor.</summary>
    Allogeneic,
}
