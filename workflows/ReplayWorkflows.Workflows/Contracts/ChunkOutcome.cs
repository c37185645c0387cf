namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>
/// What a chunk workflow reports: the event time the chunk covers, and what failed. A failed chunk (unreadable media)
/// is skipped by the ordered stages; a failed plugin leaves that plugin's data missing for the chunk.
/// </summary>
public sealed record ChunkOutcome(int Number, long StartMs, long EndMs, bool Failed, IReadOnlyList<ChunkFailure> Failures);
