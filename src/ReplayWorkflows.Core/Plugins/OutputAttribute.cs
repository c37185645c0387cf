namespace ReplayWorkflows.Core.Plugins;

/// <summary>
/// A result attribute a plugin declares. Boolean attributes are the features replays select on; the others
/// (scores, labels) travel with the data point.
/// </summary>
public sealed record OutputAttribute(string Name, string Description, bool IsFeature = true);
