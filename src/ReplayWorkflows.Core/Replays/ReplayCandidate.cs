using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Core.Replays;

/// <summary>
/// A closed segment as replay selection sees it: bounds (optimized when available), the features found in it and
/// its feedback. <paramref name="FeedbackSequence"/> orders feedback (higher = newer), so newer likes rank first.
/// </summary>
public sealed record ReplayCandidate(
    SegmentKey Key,
    long StartMs,
    long EndMs,
    long? OptoStartMs,
    long? OptoEndMs,
    IReadOnlyList<FeatureValue> Features,
    SegmentFeedback Feedback = SegmentFeedback.None,
    long FeedbackSequence = 0)
{
    /// <summary>Optimized bounds when both are present and non-empty, else the original ones.</summary>
    public (long StartMs, long EndMs) Bounds =>
        OptoStartMs is { } s && OptoEndMs is { } e && e > s ? (s, e) : (StartMs, EndMs);

    public long DurationMs => Bounds.EndMs - Bounds.StartMs;
}
