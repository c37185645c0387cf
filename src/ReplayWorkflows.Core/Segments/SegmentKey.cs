namespace ReplayWorkflows.Core.Segments;

/// <summary>
/// A segment's identity: the event, the classifier that found it and its start in integer milliseconds. Closing a
/// segment keeps its start, so the key of an open segment is also the key of the closed one.
/// </summary>
public readonly record struct SegmentKey(string EventId, string Classifier, long StartMs)
{
    public override string ToString() => $"{EventId}/{Classifier}/{StartMs}";
}
