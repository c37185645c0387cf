using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Data.Stores;

namespace ReplayWorkflows.Data.Sql;

internal sealed class SqlReplayStore(SqlDatabase db) : IReplayStore
{
    private const string Columns = "replay_id, event_id, status, catchup, audio_track, request, created_unix_ms, updated_unix_ms";
    private const string ItemColumns = "position, classifier, segment_start_ms, start_ms, end_ms, score, features";

    public Task<bool> CreateAsync(ReplayRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(record.ReplayId);
        var request = JsonText.Require(record.RequestJson, nameof(record.RequestJson));
        return db.RunAsync($"creating replay {record.ReplayId} of event {record.EventId}", async c => await c.ExecAsync(
            $"INSERT INTO replays ({Columns}) VALUES (@ReplayId, @EventId, @Status, @Catchup, @AudioTrack, @Request, @Now, @Now) " +
            "ON CONFLICT (replay_id) DO NOTHING",
            new
            {
                record.ReplayId, record.EventId, Status = record.Status.ToString(), record.Catchup, record.AudioTrack, Request = request,
                Now = db.NowUnixMs,
            }, cancellationToken).ConfigureAwait(false) == 1, cancellationToken);
    }

    public Task<ReplayRecord?> GetAsync(string replayId, CancellationToken cancellationToken = default) =>
        db.RunAsync($"reading replay {replayId}", c => c.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM replays WHERE replay_id = @replayId", new { replayId }, Map, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ReplayRecord>> ListByEventAsync(
        string eventId, IReadOnlyCollection<ReplayStatus>? statuses = null, CancellationToken cancellationToken = default)
    {
        if (statuses is { Count: 0 })
        {
            return Task.FromResult<IReadOnlyList<ReplayRecord>>([]);
        }

        var filter = statuses is null ? string.Empty : $" AND {db.InList("status", "Statuses")}";
        return db.RunAsync($"listing replays of event {eventId}", c => c.ListAsync(
            $"SELECT {Columns} FROM replays WHERE event_id = @eventId{filter} ORDER BY created_unix_ms, replay_id",
            new { eventId, Statuses = statuses?.Select(s => s.ToString()).ToArray() }, Map, cancellationToken), cancellationToken);
    }

    public Task<bool> SetStatusAsync(
        string replayId, ReplayStatus status, IReadOnlyCollection<ReplayStatus>? onlyFrom = null, CancellationToken cancellationToken = default)
    {
        if (onlyFrom is { Count: 0 })
        {
            return Task.FromResult(false);
        }

        var condition = onlyFrom is null ? string.Empty : $" AND {db.InList("status", "From")}";
        return db.RunAsync($"setting the status of replay {replayId} to {status}", async c => await c.ExecAsync(
            $"UPDATE replays SET status = @Status, updated_unix_ms = @Now WHERE replay_id = @replayId{condition}",
            new { replayId, Status = status.ToString(), From = onlyFrom?.Select(s => s.ToString()).ToArray(), Now = db.NowUnixMs },
            cancellationToken).ConfigureAwait(false) == 1, cancellationToken);
    }

    public Task<ReplayResultWrite> SaveResultAsync(ReplayResultRecord result, bool ignoreOrdering = false, CancellationToken cancellationToken = default)
    {
        var items = result.Items.OrderBy(i => i.Position).ToList();
        if (items.Select(i => i.Position).Distinct().Count() != items.Count)
        {
            throw new ArgumentException($"replay {result.ReplayId} has two items at the same position", nameof(result));
        }

        var rows = items.Select(i => new
        {
            result.ReplayId, i.Position, i.Classifier, i.SegmentStartMs, i.StartMs, i.EndMs, i.Score,
            Features = JsonText.Require(i.FeaturesJson, nameof(i.FeaturesJson)),
        }).ToArray();
        var now = db.NowUnixMs;
        return db.InTransactionAsync($"saving the selection of replay {result.ReplayId}", async (c, tx) =>
        {
            // Make sure the header row exists, then lock it: concurrent savers of one replay queue here on PostgreSQL
            // (SQLite's BEGIN IMMEDIATE already serialises all writers).
            await c.ExecAsync(
                "INSERT INTO replay_results (replay_id, revision, last_segment_start_ms, total_score, updated_unix_ms) " +
                "VALUES (@ReplayId, 0, @Min, 0, @now) ON CONFLICT (replay_id) DO NOTHING",
                new { result.ReplayId, Min = long.MinValue, now }, cancellationToken, tx).ConfigureAwait(false);
            var header = (await c.FirstOrDefaultAsync(
                $"SELECT revision, last_segment_start_ms FROM replay_results WHERE replay_id = @ReplayId{db.ForUpdate}",
                new { result.ReplayId }, r => new Tuple<int, long>(r.Int("revision"), r.Long("last_segment_start_ms")), cancellationToken, tx)
                .ConfigureAwait(false))!;
            var (revision, lastSegmentStartMs) = header;
            if (revision > 0 && !ignoreOrdering && result.LastSegmentStartMs < lastSegmentStartMs)
            {
                return ReplayResultWrite.Stale;
            }

            // Feedback-driven saves rewrite the selection but do not move the ordering mark backwards.
            var newLast = Math.Max(lastSegmentStartMs, result.LastSegmentStartMs);
            if (revision > 0)
            {
                var stored = await ReadItemsAsync(c, tx, result.ReplayId, cancellationToken).ConfigureAwait(false);
                if (SameSelection(stored, items))
                {
                    await c.ExecAsync(
                        "UPDATE replay_results SET last_segment_start_ms = @newLast WHERE replay_id = @ReplayId",
                        new { result.ReplayId, newLast }, cancellationToken, tx).ConfigureAwait(false);
                    return ReplayResultWrite.Unchanged;
                }
            }

            await c.ExecAsync("DELETE FROM replay_result_items WHERE replay_id = @ReplayId", new { result.ReplayId }, cancellationToken, tx)
                .ConfigureAwait(false);
            if (rows.Length > 0)
            {
                await c.ExecAsync(
                    $"INSERT INTO replay_result_items (replay_id, {ItemColumns}) VALUES (@ReplayId, @Position, @Classifier, @SegmentStartMs, " +
                    "@StartMs, @EndMs, @Score, @Features)", rows, cancellationToken, tx).ConfigureAwait(false);
            }

            await c.ExecAsync(
                "UPDATE replay_results SET revision = revision + 1, last_segment_start_ms = @newLast, total_score = @TotalScore, " +
                "updated_unix_ms = @now WHERE replay_id = @ReplayId",
                new { result.ReplayId, newLast, result.TotalScore, now }, cancellationToken, tx).ConfigureAwait(false);
            return ReplayResultWrite.Saved;
        }, cancellationToken);
    }

    public Task<ReplayResultRecord?> GetResultAsync(string replayId, CancellationToken cancellationToken = default) =>
        db.RunAsync($"reading the selection of replay {replayId}", async c =>
        {
            // One statement, so header and items come from the same snapshot without holding a write lock.
            var rows = await c.ListAsync(
                "SELECT h.revision, h.last_segment_start_ms, h.updated_unix_ms, i.position, i.classifier, i.segment_start_ms, i.start_ms, " +
                "i.end_ms, i.score, i.features FROM replay_results h LEFT JOIN replay_result_items i ON i.replay_id = h.replay_id " +
                "WHERE h.replay_id = @replayId AND h.revision > 0 ORDER BY i.position",
                new { replayId },
                r => (Revision: r.Int("revision"), Last: r.Long("last_segment_start_ms"), Updated: r.Long("updated_unix_ms"),
                      Item: r.NullableInt("position") is { } position
                          ? new ReplayResultItem(position, r.String("classifier"), r.Long("segment_start_ms"), r.Long("start_ms"), r.Long("end_ms"),
                              r.NullableDouble("score"), r.String("features"))
                          : null),
                cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                return null;
            }

            var items = rows.Where(r => r.Item is not null).Select(r => r.Item!).ToList();
            return new ReplayResultRecord(replayId, rows[0].Last, items, rows[0].Revision, rows[0].Updated);
        }, cancellationToken);

    private static Task<IReadOnlyList<ReplayResultItem>> ReadItemsAsync(
        System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, string replayId, CancellationToken cancellationToken) =>
        c.ListAsync(
            $"SELECT {ItemColumns} FROM replay_result_items WHERE replay_id = @replayId ORDER BY position", new { replayId },
            r => new ReplayResultItem(
                r.Int("position"), r.String("classifier"), r.Long("segment_start_ms"), r.Long("start_ms"), r.Long("end_ms"),
                r.NullableDouble("score"), r.String("features")),
            cancellationToken, tx);

    /// <summary>Same segments with the same bounds in the same order: nothing to re-render. Scores do not matter.</summary>
    private static bool SameSelection(IReadOnlyList<ReplayResultItem> stored, List<ReplayResultItem> next) =>
        stored.Count == next.Count && stored.Zip(next).All(p =>
            p.First.Classifier == p.Second.Classifier && p.First.SegmentStartMs == p.Second.SegmentStartMs &&
            p.First.StartMs == p.Second.StartMs && p.First.EndMs == p.Second.EndMs);

    private static ReplayRecord Map(Row r) => new(
        r.String("replay_id"), r.String("event_id"), r.Enum<ReplayStatus>("status"), r.Bool("catchup"), r.Int("audio_track"),
        r.String("request"), r.Long("created_unix_ms"), r.Long("updated_unix_ms"));
}
