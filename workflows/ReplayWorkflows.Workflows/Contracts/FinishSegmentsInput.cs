using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>The event ended: close the open segment at the last media time.</summary>
public sealed record FinishSegmentsInput(string EventId, SegmentState State, long LastMediaMs);
