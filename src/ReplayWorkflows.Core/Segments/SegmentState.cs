using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Core.Segments;

/// <summary>
/// The state carried from one chunk to the next by the order-dependent classifier stage. It is small and
/// serialisable: the open segment's start, the last closed segment, the dependency data since the look-back boundary
/// (bounded by the maximum segment length) and the classifier's own opaque state.
/// </summary>
public sealed record SegmentState(
    int? LastChunkNumber,
    long ProcessedUntilMs,
    long? OpenStartMs,
    Segment? LastClosed,
    IReadOnlyList<PluginData> CarriedData,
    string? ClassifierState,
    bool Finished = false)
{
    public static SegmentState Initial { get; } = new(null, 0, null, null, [], null);
}
