using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Segments;

/// <summary>A chunk of the event as the order-dependent stages see it: its number and the event time it covers.</summary>
public sealed record ChunkInfo(int Number, TimeRange Span)
{
    public long StartMs => Span.StartMs;

    public long EndMs => Span.EndMs;
}
