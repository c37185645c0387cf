namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>What one featurer run produced, how long the plugin and its reads and writes took, and the state it carries on.</summary>
public sealed record FeaturerRun(string Plugin, int? AudioTrack, int Points, long ElapsedMs, string? CarriedState = null);
