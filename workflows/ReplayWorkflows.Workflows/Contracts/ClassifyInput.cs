using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>Run the classifier on the next chunk in order, with the segment state carried from the previous chunk.</summary>
public sealed record ClassifyInput(string EventId, int ChunkNumber, long StartMs, long EndMs, SegmentState State);
