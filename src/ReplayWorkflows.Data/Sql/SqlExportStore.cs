using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Data.Stores;

namespace ReplayWorkflows.Data.Sql;

internal sealed class SqlExportStore(SqlDatabase db) : IExportStore
{
    private const string Columns = "event_id, replay_id, kind, audio_track, location, content_sha256, size_bytes, created_unix_ms";

    public Task UpsertAsync(ExportRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Kind);
        ArgumentNullException.ThrowIfNull(record.ReplayId);
        return db.RunAsync($"recording the {record.Kind} export of event {record.EventId}", c => c.ExecAsync(
            $"INSERT INTO exports ({Columns}) VALUES (@EventId, @ReplayId, @Kind, @AudioTrack, @Location, @ContentSha256, @SizeBytes, @Now) " +
            "ON CONFLICT (event_id, replay_id, kind, audio_track) DO UPDATE SET location = excluded.location, " +
            "content_sha256 = excluded.content_sha256, size_bytes = excluded.size_bytes, created_unix_ms = excluded.created_unix_ms",
            new
            {
                record.EventId, record.ReplayId, record.Kind, record.AudioTrack, record.Location, record.ContentSha256, record.SizeBytes,
                Now = db.NowUnixMs,
            }, cancellationToken), cancellationToken);
    }

    public Task<ExportRecord?> GetAsync(string eventId, string replayId, string kind, int audioTrack, CancellationToken cancellationToken = default) =>
        db.RunAsync($"reading the {kind} export of event {eventId}", c => c.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM exports WHERE event_id = @eventId AND replay_id = @replayId AND kind = @kind AND audio_track = @audioTrack",
            new { eventId, replayId, kind, audioTrack }, Map, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ExportRecord>> ListAsync(string eventId, CancellationToken cancellationToken = default) =>
        db.RunAsync($"listing exports of event {eventId}", c => c.ListAsync(
            $"SELECT {Columns} FROM exports WHERE event_id = @eventId ORDER BY replay_id, kind, audio_track", new { eventId }, Map,
            cancellationToken), cancellationToken);

    private static ExportRecord Map(Row r) => new(
        r.String("event_id"), r.String("replay_id"), r.String("kind"), r.Int("audio_track"), r.String("location"),
        r.NullableString("content_sha256"), r.NullableLong("size_bytes"), r.Long("created_unix_ms"));
}
