namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>
/// The event time a chunk really covers (measured by the analysis), how many audio tracks it has, and how long the
/// analysis itself ran.
/// </summary>
public sealed record ChunkSpan(int Number, long StartMs, long EndMs, int AudioTracks, long AnalysisMs = 0);
