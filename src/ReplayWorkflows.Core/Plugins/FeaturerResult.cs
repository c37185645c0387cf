namespace ReplayWorkflows.Core.Plugins;

/// <summary>A featurer's data points for one chunk (event time, inside the chunk) and the state to pass on.</summary>
public sealed record FeaturerResult(IReadOnlyList<DataPoint> Points, string? CarriedState = null);
