namespace ReplayWorkflows.Core.Segments;

/// <summary>
/// What a classifier knows about the segments before this chunk: the open segment's start (null when none), the last
/// closed segment, and the event time from which its dependency data has been kept.
/// </summary>
public sealed record SegmentContext(long? OpenSegmentStartMs, Segment? LastClosed, long LookBackFromMs, long MaxSegmentLengthMs);
