using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Data.Stores;

namespace ReplayWorkflows.Data.Sql;

internal sealed class SqlFeedbackStore(SqlDatabase db) : IFeedbackStore
{
    private const string Columns =
        "event_id, classifier, segment_start_ms, audio_track, variant, verdict, reviewer, detail, updated_unix_ms";

    public Task UpsertAsync(FeedbackRecord record, CancellationToken cancellationToken = default) =>
        db.RunAsync($"recording feedback on segment {record.SegmentStartMs} ms for event {record.EventId}", c => c.ExecAsync(
            $"INSERT INTO feedback ({Columns}) VALUES (@EventId, @Classifier, @SegmentStartMs, @AudioTrack, @Variant, @Verdict, @Reviewer, " +
            "@Detail, @Now) ON CONFLICT (event_id, classifier, segment_start_ms, audio_track, variant) DO UPDATE SET " +
            "verdict = excluded.verdict, reviewer = excluded.reviewer, detail = excluded.detail, updated_unix_ms = excluded.updated_unix_ms",
            new
            {
                record.EventId, record.Classifier, record.SegmentStartMs, record.AudioTrack, Variant = record.Variant.ToString(),
                Verdict = record.Verdict.ToString(), record.Reviewer, record.Detail, Now = db.NowUnixMs,
            }, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<FeedbackRecord>> ListForSegmentAsync(
        string eventId, string classifier, long segmentStartMs, CancellationToken cancellationToken = default) =>
        db.RunAsync($"reading feedback on segment {segmentStartMs} ms for event {eventId}", c => c.ListAsync(
            $"SELECT {Columns} FROM feedback WHERE event_id = @eventId AND classifier = @classifier AND segment_start_ms = @segmentStartMs " +
            "ORDER BY audio_track, variant", new { eventId, classifier, segmentStartMs }, Map, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<FeedbackRecord>> ListAsync(string eventId, CancellationToken cancellationToken = default) =>
        db.RunAsync($"listing feedback for event {eventId}", c => c.ListAsync(
            $"SELECT {Columns} FROM feedback WHERE event_id = @eventId ORDER BY segment_start_ms, classifier, audio_track, variant",
            new { eventId }, Map, cancellationToken), cancellationToken);

    private static FeedbackRecord Map(Row r) => new(
        r.String("event_id"), r.String("classifier"), r.Long("segment_start_ms"), r.Int("audio_track"), r.Enum<ClipVariant>("variant"),
        r.Enum<FeedbackVerdict>("verdict"), r.NullableString("reviewer"), r.NullableString("detail"), r.Long("updated_unix_ms"));
}
