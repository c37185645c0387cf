namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>What an event has done so far (the <c>Progress</c> query).</summary>
public sealed record EventProgress(
    string Phase,
    int ChunksReceived,
    int ChunksProcessed,
    int ChunksFailed,
    IReadOnlyList<int> Gaps,
    int Segments,
    long? OpenSegmentStartMs,
    int Clips,
    long MediaEndMs,
    IReadOnlyList<ChunkFailure> Failures)
{
    public static EventProgress Initial { get; } = new("waiting", 0, 0, 0, [], 0, null, 0, 0, []);
}
