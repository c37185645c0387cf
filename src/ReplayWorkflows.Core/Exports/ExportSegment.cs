using ReplayWorkflows.Core.Replays;
using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Core.Exports;

/// <summary>A segment as exports see it: original and optimized bounds, label, features and feedback.</summary>
public sealed record ExportSegment(
    string Classifier,
    long StartMs,
    long EndMs,
    SegmentCloseReason CloseReason,
    long? OptoStartMs,
    long? OptoEndMs,
    string? Label,
    IReadOnlyList<FeatureValue> Features,
    SegmentFeedback Feedback = SegmentFeedback.None)
{
    public long PlayStartMs => OptoStartMs is { } s && OptoEndMs is { } e && e > s ? s : StartMs;

    public long PlayEndMs => OptoStartMs is { } s && OptoEndMs is { } e && e > s ? e : EndMs;
}
