using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Core.Optimization;

/// <summary>A segment's optimized in and out points next to its original bounds; always OptoStart &lt; OptoEnd.</summary>
public sealed record OptimizedSegment(
    SegmentKey Key,
    long StartMs,
    long EndMs,
    long OptoStartMs,
    long OptoEndMs,
    OptimizationOutcome StartOutcome,
    OptimizationOutcome EndOutcome);
