using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Core.Replays;

/// <summary>
/// One item of a replay: a selected segment (or, in timestamp mode, a requested range with no segment), its score
/// (null when the mode does not score) and the features that earned it.
/// </summary>
public sealed record SelectedClip(
    SegmentKey? Segment,
    long StartMs,
    long EndMs,
    long? OptoStartMs,
    long? OptoEndMs,
    int? Score,
    IReadOnlyList<FeatureSelector> Matched,
    bool ForcedIn)
{
    public long PlayStartMs => OptoStartMs is { } s && OptoEndMs is { } e && e > s ? s : StartMs;

    public long PlayEndMs => OptoStartMs is { } s && OptoEndMs is { } e && e > s ? e : EndMs;

    public long DurationMs => PlayEndMs - PlayStartMs;
}
