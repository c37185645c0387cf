namespace ReplayWorkflows.Core.Optimization;

/// <summary>What happened to one side (in or out point) of a segment.</summary>
public enum OptimizationOutcome
{
    /// <summary>A detection confirmed the point or the point moved to one.</summary>
    Succeeded,

    /// <summary>The point moved towards a detection but stopped at the search window.</summary>
    ClampedToWindow,

    /// <summary>No detector had anything near the point; it is unchanged.</summary>
    NoDetection,

    /// <summary>The move would overlap a neighbouring segment or leave no media; the point is unchanged.</summary>
    Conflict,
}
