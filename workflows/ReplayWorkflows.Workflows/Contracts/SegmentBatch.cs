namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>Closed segments of one event for the labeler, the optimizer or clip rendering.</summary>
public sealed record SegmentBatch(string EventId, IReadOnlyList<SegmentRef> Segments, bool EventEnded = false, bool Hls = false);
