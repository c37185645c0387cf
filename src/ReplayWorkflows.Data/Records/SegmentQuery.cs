using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Data.Records;

/// <summary>A filter over one event's segments; results are ordered by start, then classifier.</summary>
public sealed record SegmentQuery(string EventId)
{
    /// <summary>Only this classifier's segments (null: all).</summary>
    public string? Classifier { get; init; }

    /// <summary>Segments whose start lies in [StartMs, EndMs) of this range.</summary>
    public TimeRange? StartsWithin { get; init; }

    /// <summary>Only closed (true) or only open (false) segments.</summary>
    public bool? Closed { get; init; }

    /// <summary>Only closed segments not optimized yet.</summary>
    public bool AwaitingOptimization { get; init; }

    /// <summary>Only closed segments without a label yet.</summary>
    public bool AwaitingLabel { get; init; }
}
