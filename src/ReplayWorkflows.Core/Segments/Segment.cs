using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Segments;

/// <summary>A closed segment [StartMs, EndMs) of event time; always StartMs &lt; EndMs.</summary>
public sealed record Segment
{
    public Segment(string eventId, string classifier, long startMs, long endMs, SegmentCloseReason closeReason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(classifier);
        if (startMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(startMs), "event time is never negative");
        }

        if (endMs <= startMs)
        {
            throw new ArgumentOutOfRangeException(nameof(endMs), $"a segment must end after its start ({startMs} ms), not at {endMs} ms");
        }

        EventId = eventId;
        Classifier = classifier;
        StartMs = startMs;
        EndMs = endMs;
        CloseReason = closeReason;
    }

    public string EventId { get; }

    public string Classifier { get; }

    public long StartMs { get; }

    public long EndMs { get; }

    public SegmentCloseReason CloseReason { get; }

    public SegmentKey Key => new(EventId, Classifier, StartMs);

    public TimeRange Span => new(StartMs, EndMs);

    public long DurationMs => EndMs - StartMs;
}
