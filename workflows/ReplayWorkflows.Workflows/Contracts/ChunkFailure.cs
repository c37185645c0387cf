namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>
/// Something that failed for one chunk: the whole chunk (<paramref name="Plugin"/> null, e.g. corrupt media) or one
/// plugin (on one audio track) after its retries. The event goes on either way.
/// </summary>
public sealed record ChunkFailure(int Chunk, string? Plugin, int? AudioTrack, string Message);
