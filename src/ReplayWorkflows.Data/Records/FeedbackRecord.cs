namespace ReplayWorkflows.Data.Records;

/// <summary>
/// Feedback on one segment's clip. Identity is (event, classifier, segment start, audio track, variant): new
/// feedback replaces the old.
/// </summary>
public sealed record FeedbackRecord(
    string EventId,
    string Classifier,
    long SegmentStartMs,
    int AudioTrack,
    ClipVariant Variant,
    FeedbackVerdict Verdict,
    string? Reviewer = null,
    string? Detail = null,
    long UpdatedUnixMs = 0);
