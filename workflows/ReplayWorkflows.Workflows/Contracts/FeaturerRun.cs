namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>What one featurer run produced and how long the plugin and its reads and writes took.</summary>
public sealed record FeaturerRun(string Plugin, int? AudioTrack, int Points, long ElapsedMs);
