namespace ReplayWorkflows.Core.Segments;

/// <summary>
/// What a classifier says about one instant: a segment starts or ends here. The segment state machine, not the
/// classifier, turns marks into segments, so the invariants (no overlap, start &lt; end, the cap) hold for every
/// classifier.
/// </summary>
public sealed record SegmentMark(SegmentMarkKind Kind, long TimeMs)
{
    public static SegmentMark StartAt(long timeMs) => new(SegmentMarkKind.Start, timeMs);

    public static SegmentMark EndAt(long timeMs) => new(SegmentMarkKind.End, timeMs);
}
