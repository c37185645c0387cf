namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>Analyse one chunk in one decode for the media features the plan needs, and record it.</summary>
public sealed record AnalyzeChunkInput(string EventId, ChunkRef Chunk, long StartMs, IReadOnlyList<string> MediaFeatures, string ProcessingFrameRate);
