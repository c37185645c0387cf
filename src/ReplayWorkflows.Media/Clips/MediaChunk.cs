using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Media.Clips;

/// <summary>A received chunk placed on the event timeline: its number, local file, and the event time it covers.</summary>
public sealed record MediaChunk(long Number, string Path, TimeRange Span);
