using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Data.Records;

/// <summary>
/// A filter over one event's plugin results. Every condition that is set must hold; results come back ordered by
/// start, then plugin, then track.
/// </summary>
public sealed record PluginResultQuery(string EventId)
{
    /// <summary>Only these plugins (null: all).</summary>
    public IReadOnlyList<string>? PluginNames { get; init; }

    /// <summary>Only this track (0 = video).</summary>
    public int? AudioTrack { get; init; }

    /// <summary>Results whose start lies in [StartMs, EndMs) of this range.</summary>
    public TimeRange? StartsWithin { get; init; }

    /// <summary>Results whose end lies in [StartMs, EndMs] of this range (inclusive: an end is a boundary).</summary>
    public TimeRange? EndsWithin { get; init; }

    /// <summary>Results that share time with this range; a point result counts when it lies inside the range.</summary>
    public TimeRange? Overlapping { get; init; }

    /// <summary>Only results from exactly this chunk.</summary>
    public int? ChunkNumber { get; init; }

    /// <summary>Only results from chunks up to and including this one.</summary>
    public int? UpToChunkNumber { get; init; }
}
