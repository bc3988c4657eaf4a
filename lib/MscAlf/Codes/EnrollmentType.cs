namespace MscAlf.Codes;

/// <summary>Whether a registry enrollment count is the number enrolled or a target.</summary>
public enum EnrollmentType
{
    /// <summary>Participants actually enrolled.</summary>
    Actual,
    /// <summary>A target (classic registry wording).</summary>
    Anticipated,
    /// <summary>A target (current registry wording).</summary>
    Estimated,
}
