namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>The event time a chunk really covers (measured by the analysis) and how many audio tracks it has.</summary>
public sealed record ChunkSpan(int Number, long StartMs, long EndMs, int AudioTracks);
