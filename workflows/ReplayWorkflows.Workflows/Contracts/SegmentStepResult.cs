using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>
/// The classifier stage's outcome for one chunk: the segments it closed, the open one, the state for the next chunk
/// and how many classifier marks the state machine rejected (they are logged with their reasons).
/// </summary>
public sealed record SegmentStepResult(IReadOnlyList<SegmentRef> Closed, long? OpenStartMs, SegmentState State, int Rejected);
