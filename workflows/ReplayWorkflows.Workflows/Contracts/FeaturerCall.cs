namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>
/// Run one featurer on one analysed chunk (for one audio track when it is an audio plugin). A featurer that carries
/// state gets what it returned for the previous chunk it ran on (null on its first).
/// </summary>
public sealed record FeaturerCall(string EventId, int ChunkNumber, string Plugin, int? AudioTrack, string? CarriedState = null);
