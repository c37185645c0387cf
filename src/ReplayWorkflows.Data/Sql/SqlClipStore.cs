using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Data.Stores;

namespace ReplayWorkflows.Data.Sql;

internal sealed class SqlClipStore(SqlDatabase db) : IClipStore
{
    private const string Columns =
        "event_id, classifier, segment_start_ms, variant, audio_track, format, start_ms, end_ms, status, location, thumbnail_location, updated_unix_ms";

    public Task UpsertAsync(ClipRecord record, CancellationToken cancellationToken = default)
    {
        if (record.EndMs <= record.StartMs)
        {
            throw new ArgumentException($"clip ends ({record.EndMs} ms) at or before it starts ({record.StartMs} ms)", nameof(record));
        }

        return db.RunAsync($"recording a {record.Variant} clip of segment {record.SegmentStartMs} ms for event {record.EventId}", c => c.ExecAsync(
            $"INSERT INTO clips ({Columns}) VALUES (@EventId, @Classifier, @SegmentStartMs, @Variant, @AudioTrack, @Format, @StartMs, @EndMs, " +
            "@Status, @Location, @ThumbnailLocation, @Now) ON CONFLICT (event_id, classifier, segment_start_ms, variant, audio_track, format) " +
            "DO UPDATE SET start_ms = excluded.start_ms, end_ms = excluded.end_ms, status = excluded.status, location = excluded.location, " +
            "thumbnail_location = excluded.thumbnail_location, updated_unix_ms = excluded.updated_unix_ms",
            new
            {
                record.EventId, record.Classifier, record.SegmentStartMs, Variant = record.Variant.ToString(), record.AudioTrack, record.Format,
                record.StartMs, record.EndMs, record.Status, record.Location, record.ThumbnailLocation, Now = db.NowUnixMs,
            }, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<ClipRecord>> ListForSegmentAsync(
        string eventId, string classifier, long segmentStartMs, CancellationToken cancellationToken = default) =>
        db.RunAsync($"listing clips of segment {segmentStartMs} ms for event {eventId}", c => c.ListAsync(
            $"SELECT {Columns} FROM clips WHERE event_id = @eventId AND classifier = @classifier AND segment_start_ms = @segmentStartMs " +
            "ORDER BY variant, audio_track, format", new { eventId, classifier, segmentStartMs }, Map, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ClipRecord>> ListAsync(string eventId, CancellationToken cancellationToken = default) =>
        db.RunAsync($"listing clips of event {eventId}", c => c.ListAsync(
            $"SELECT {Columns} FROM clips WHERE event_id = @eventId ORDER BY segment_start_ms, classifier, variant, audio_track, format",
            new { eventId }, Map, cancellationToken), cancellationToken);

    private static ClipRecord Map(Row r) => new(
        r.String("event_id"), r.String("classifier"), r.Long("segment_start_ms"), r.Enum<ClipVariant>("variant"), r.Int("audio_track"),
        r.String("format"), r.Long("start_ms"), r.Long("end_ms"), r.String("status"), r.NullableString("location"),
        r.NullableString("thumbnail_location"), r.Long("updated_unix_ms"));
}
