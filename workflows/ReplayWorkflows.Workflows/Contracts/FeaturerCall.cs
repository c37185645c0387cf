namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>Run one featurer on one analysed chunk (for one audio track when it is an audio plugin).</summary>
public sealed record FeaturerCall(string EventId, int ChunkNumber, string Plugin, int? AudioTrack);
