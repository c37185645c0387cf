namespace ReplayWorkflows.Core.Segments;

/// <summary>The fixed inputs of the segment state machine for one event: who the segments belong to and the cap.</summary>
public sealed record SegmentPolicy
{
    public SegmentPolicy(string eventId, string classifier, long maxSegmentLengthMs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(classifier);
        if (maxSegmentLengthMs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSegmentLengthMs), "the maximum segment length must be positive");
        }

        EventId = eventId;
        Classifier = classifier;
        MaxSegmentLengthMs = maxSegmentLengthMs;
    }

    public string EventId { get; }

    public string Classifier { get; }

    public long MaxSegmentLengthMs { get; }
}
