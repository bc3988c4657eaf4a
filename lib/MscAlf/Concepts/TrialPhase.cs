using System.Numerics;

namespace MscAlf.Concepts;

/// <summary>The phase of a trial as Figure 2 panel A groups it.</summary>
public enum Phase
{
    /// <summary>Early phase 1 (formerly phase 0).</summary>
    EarlyPhase1,
    /// <summary>Phase 1.</summary>
    Phase1,
    /// <summary>Phase 1 and phase 2 combined.</summary>
    Phase1To2,
    /// <summary>Phase 2.</summary>
    Phase2,
    /// <summary>Phase 2 and phase 3 combined.</summary>
    Phase2To3,
    /// <summary>Phase 3.</summary>
    Phase3,
    /// <summary>Phase 4.</summary>
    Phase4,
    /// <summary>"Not Applicable" (NA): device or procedure trials without phases.</summary>
    NotApplicable,
    /// <summary>No phase because the study is observational.</summary>
    NoneObservational,
    /// <summary>No phase given and the study is not known to be observational, or a value the rule does not know.</summary>
    Unknown,
}

/// <summary>
/// Phase, in the ctrdata manner. Reads the registry field <c>phases</c> (classic text "Phase 1 | Phase 2",
/// API v2 enums "PHASE1|PHASE2", "EARLY_PHASE1", "NA") and <c>study type</c>. One phase maps to itself; two
/// adjacent phases to the combined value; an empty field to "None (observational)" for an observational study
/// and to Unknown otherwise. Anything else falls through to Unknown, with the text kept as evidence. The rule
/// is plausibility-checked against the registry's own values, not validated.
/// </summary>
public static class TrialPhase
{
    /// <summary>Labels, colours and display order.</summary>
    public static ValueSet<Phase> Values { get; } = new(
        (Phase.EarlyPhase1, "Early phase 1", "#C6DBEF"),
        (Phase.Phase1, "Phase 1", "#9ECAE1"),
        (Phase.Phase1To2, "Phase 1/2", "#6BAED6"),
        (Phase.Phase2, "Phase 2", "#4292C6"),
        (Phase.Phase2To3, "Phase 2/3", "#2171B5"),
        (Phase.Phase3, "Phase 3", "#08519C"),
        (Phase.Phase4, "Phase 4", "#08306B"),
        (Phase.NotApplicable, "Not applicable", "#E69F00"),
        (Phase.NoneObservational, "None (observational)", "#CC79A7"),
        (Phase.Unknown, "Unknown", Palette.Unknown));

    /// <summary>Classifies registry phase values (any mix of the classic and API spellings).</summary>
    /// <param name="phases">The phase values, one per item or one item with <c>|</c> between values.</param>
    /// <param name="studyType">The study type (classic or API spelling), or null.</param>
    public static Classified<Phase> Classify(IEnumerable<string> phases, string? studyType)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var items = phases.SelectMany(p => p.Split('|')).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var evidence = items.Count == 0 ? null : string.Join("|", items);
        if (items.Count == 0)
        {
            var observational = studyType is not null && studyType.Trim().Equals("observational", StringComparison.OrdinalIgnoreCase);
            return new(observational ? Phase.NoneObservational : Phase.Unknown, studyType);
        }
        // The distinct phases as one bit each, not LINQ over Phase: every framework generic instantiated over an enum of
        // ours is compiled at run time (ReadyToRun cannot precompile it), and this runs for every imported record.
        var set = 0;
        foreach (var item in items)
        {
            if (ParseOne(item) is not { } phase)
            {
                return new(Phase.Unknown, evidence);
            }
            set |= Bit(phase);
        }
        var value = BitOperations.IsPow2(set) ? (Phase)BitOperations.Log2((uint)set)
            : set == (Bit(Phase.Phase1) | Bit(Phase.Phase2)) ? Phase.Phase1To2
            : set == (Bit(Phase.Phase2) | Bit(Phase.Phase3)) ? Phase.Phase2To3
            : Phase.Unknown;
        return new(value, evidence);
    }

    private static int Bit(Phase phase) => 1 << (int)phase;

    private static Phase? ParseOne(string text)
    {
        var key = CodeKey.Of(text, digits: true);
        return key switch
        {
            "EARLYPHASE1" or "PHASE0" => Phase.EarlyPhase1,
            "PHASE1" => Phase.Phase1,
            "PHASE2" => Phase.Phase2,
            "PHASE3" => Phase.Phase3,
            "PHASE4" => Phase.Phase4,
            "NA" or "NOTAPPLICABLE" => Phase.NotApplicable,
            _ => null,
        };
    }
}
