namespace ReplayWorkflows.Data.Records;

/// <summary>
/// A rendered clip of a segment. Identity is (event, classifier, segment start, variant, audio track, format);
/// rendering again replaces the row.
/// </summary>
/// <param name="Format">The container, e.g. "mp4" or "hls".</param>
/// <param name="Status">The renderer's status text, e.g. "pending", "complete", "failed".</param>
public sealed record ClipRecord(
    string EventId,
    string Classifier,
    long SegmentStartMs,
    ClipVariant Variant,
    int AudioTrack,
    string Format,
    long StartMs,
    long EndMs,
    string Status,
    string? Location = null,
    string? ThumbnailLocation = null,
    long UpdatedUnixMs = 0);
