namespace ReplayWorkflows.Core.Optimization;

/// <summary>How an optimizer treats a detector's ranges (MRE's "safe range" / "unsafe range").</summary>
public enum CutBias
{
    /// <summary>Detections are good places to cut (silence, black, a scene change): move the cut onto one.</summary>
    Safe,

    /// <summary>Detections are bad places to cut (speech, a frozen picture): move the cut out of one.</summary>
    Unsafe,
}
