namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>The input of a chunk workflow: which chunk, where it starts in event time, and the event's plan.</summary>
public sealed record ChunkTask(string EventId, ChunkRef Chunk, long StartMs, EventPlan Plan, IReadOnlyList<int> AudioTracks);
