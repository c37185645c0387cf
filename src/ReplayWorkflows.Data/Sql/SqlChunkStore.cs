using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Data.Stores;

namespace ReplayWorkflows.Data.Sql;

internal sealed class SqlChunkStore(SqlDatabase db) : IChunkStore
{
    private const string Columns = "event_id, chunk_number, start_ms, duration_ms, location, metadata, recorded_unix_ms";

    public Task UpsertAsync(ChunkRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(record.DurationMs);
        var metadata = JsonText.Require(record.MetadataJson, nameof(record.MetadataJson));
        return db.RunAsync($"recording chunk {record.ChunkNumber} of event {record.EventId}", c => c.ExecAsync(
            $"INSERT INTO chunks ({Columns}) VALUES (@EventId, @ChunkNumber, @StartMs, @DurationMs, @Location, @Metadata, @Now) " +
            "ON CONFLICT (event_id, chunk_number) DO UPDATE SET start_ms = excluded.start_ms, duration_ms = excluded.duration_ms, " +
            "location = excluded.location, metadata = excluded.metadata, recorded_unix_ms = excluded.recorded_unix_ms",
            new { record.EventId, record.ChunkNumber, record.StartMs, record.DurationMs, record.Location, Metadata = metadata, Now = db.NowUnixMs },
            cancellationToken), cancellationToken);
    }

    public Task<ChunkRecord?> GetAsync(string eventId, int chunkNumber, CancellationToken cancellationToken = default) =>
        db.RunAsync($"reading chunk {chunkNumber} of event {eventId}", c => c.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM chunks WHERE event_id = @eventId AND chunk_number = @chunkNumber", new { eventId, chunkNumber }, Map,
            cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ChunkRecord>> ListAsync(string eventId, CancellationToken cancellationToken = default) =>
        db.RunAsync($"listing chunks of event {eventId}", c => c.ListAsync(
            $"SELECT {Columns} FROM chunks WHERE event_id = @eventId ORDER BY start_ms, chunk_number", new { eventId }, Map, cancellationToken),
            cancellationToken);

    public async Task<IReadOnlyList<ChunkRecord>> ListCoveringAsync(string eventId, TimeRange range, CancellationToken cancellationToken = default)
    {
        if (range.DurationMs == 0)
        {
            // An empty range still names an instant: the chunk that holds it.
            var chunk = await FindContainingAsync(eventId, range.StartMs, cancellationToken).ConfigureAwait(false);
            return chunk is not null && chunk.EndMs > range.StartMs ? [chunk] : [];
        }

        return await db.RunAsync($"listing chunks of event {eventId} covering {range}", c => c.ListAsync(
            $"SELECT {Columns} FROM chunks WHERE event_id = @eventId AND start_ms < @EndMs AND start_ms + duration_ms > @StartMs " +
            "ORDER BY start_ms, chunk_number", new { eventId, range.StartMs, range.EndMs }, Map, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
    }

    public Task<ChunkRecord?> FindContainingAsync(string eventId, long timeMs, CancellationToken cancellationToken = default) =>
        db.RunAsync($"finding the chunk of event {eventId} at {timeMs} ms", c => c.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM chunks WHERE event_id = @eventId AND start_ms <= @timeMs ORDER BY start_ms DESC, chunk_number DESC LIMIT 1",
            new { eventId, timeMs }, Map, cancellationToken), cancellationToken);

    private static ChunkRecord Map(Row r) => new(
        r.String("event_id"), r.Int("chunk_number"), r.Long("start_ms"), r.Long("duration_ms"), r.String("location"), r.String("metadata"),
        r.Long("recorded_unix_ms"));
}
