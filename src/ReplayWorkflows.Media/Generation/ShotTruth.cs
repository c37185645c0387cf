using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Media.Generation;

/// <summary>One generated shot: its range, the lavfi pattern it shows, and whether its picture is static.</summary>
public sealed record ShotTruth(TimeRange Range, string Pattern, bool IsStatic);
