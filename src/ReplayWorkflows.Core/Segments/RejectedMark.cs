namespace ReplayWorkflows.Core.Segments;

/// <summary>A classifier mark the state machine did not apply, with the reason (kept for diagnostics).</summary>
public sealed record RejectedMark(SegmentMark Mark, string Reason);
