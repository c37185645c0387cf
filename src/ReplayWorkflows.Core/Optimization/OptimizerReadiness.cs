using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Core.Optimization;

/// <summary>
/// When a segment may be optimized: once every detector has covered its end plus the search window, or the event has
/// ended. MRE optimizes in the chunk where the segment closed, before detectors have seen what follows the out point.
/// </summary>
public static class OptimizerReadiness
{
    public static bool IsReady(Segment segment, long detectorsCoveredUntilMs, long searchWindowMs, bool eventEnded)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return eventEnded || detectorsCoveredUntilMs >= segment.EndMs + searchWindowMs;
    }
}
