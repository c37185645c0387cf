namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>
/// What a chunk workflow reports: the event time the chunk covers, and what failed. A failed chunk (unreadable media)
/// is skipped by the ordered stages; a failed plugin leaves that plugin's data missing for the chunk.
/// <paramref name="ElapsedMs"/> is the workflow's own duration and <paramref name="WorkMs"/> the activity time on its
/// critical path (analysis plus the slowest featurer of each level): their difference is what orchestration cost.
/// <paramref name="AudioTracks"/> is how many audio tracks the chunk has (for the ordered featurers that run per track).
/// </summary>
public sealed record ChunkOutcome(
    int Number, long StartMs, long EndMs, bool Failed, IReadOnlyList<ChunkFailure> Failures, long ElapsedMs = 0, long WorkMs = 0, int AudioTracks = 0);
