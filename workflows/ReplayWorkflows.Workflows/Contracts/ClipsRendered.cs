namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>The clips written for one segment (original and, when optimized, optimized bounds).</summary>
public sealed record ClipsRendered(SegmentRef Segment, IReadOnlyList<string> Files);
