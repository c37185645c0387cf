using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Media.Analysis;

/// <summary>Turns filter timestamps (seconds from the container start) into event-time milliseconds for one chunk.</summary>
internal sealed record EventTimeMapper(double ShiftMs, TimeRange Span)
{
    public long ToEventMs(double filterSeconds) => (long)Math.Round((filterSeconds * 1000.0) + ShiftMs, MidpointRounding.AwayFromZero);

    public long Clamp(long ms) => Math.Clamp(ms, Span.StartMs, Span.EndMs);
}
