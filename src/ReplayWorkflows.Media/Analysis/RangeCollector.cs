using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Media.Analysis;

/// <summary>
/// Pairs detector start/end reports into event-time ranges clipped to the chunk. A range still open when the chunk
/// ends is closed at the chunk's end: the next chunk continues it, and plugins join ranges that touch.
/// </summary>
internal sealed class RangeCollector(EventTimeMapper map)
{
    private readonly List<TimeRange> ranges = [];
    private long? openStart;

    public void Start(double seconds) => openStart ??= map.Clamp(map.ToEventMs(seconds));

    public void End(double seconds)
    {
        // An end without a start means the range began before this chunk.
        var start = openStart ?? map.Span.StartMs;
        var end = map.Clamp(map.ToEventMs(seconds));
        if (end > start)
        {
            ranges.Add(new TimeRange(start, end));
        }

        openStart = null;
    }

    public IReadOnlyList<TimeRange> Finish(int minMs)
    {
        if (openStart is { } start && map.Span.EndMs > start)
        {
            ranges.Add(new TimeRange(start, map.Span.EndMs));
            openStart = null;
        }

        // A range touching the chunk's edge may continue in the neighbouring chunk, so the minimum length applies to
        // the joined range, which only the consumer sees; short pieces at the edges are kept.
        return [.. ranges.Where(r => r.DurationMs >= minMs || r.StartMs == map.Span.StartMs || r.EndMs == map.Span.EndMs)];
    }
}
