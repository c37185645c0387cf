namespace ReplayWorkflows.Core.Segments;

/// <summary>The outcome of one chunk: segments closed in it (in time order), the open segment and the state to carry.</summary>
public sealed record SegmentStep(
    IReadOnlyList<Segment> Closed,
    long? OpenStartMs,
    SegmentState State,
    IReadOnlyList<RejectedMark> Rejected);
