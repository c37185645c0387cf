using System.Text;
using Dapper;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Data.Stores;

namespace ReplayWorkflows.Data.Sql;

internal sealed class SqlPluginResultStore(SqlDatabase db) : IPluginResultStore
{
    private const string Columns =
        "event_id, plugin_name, audio_track, start_ms, end_ms, chunk_number, plugin_version, payload, recorded_unix_ms";

    private const string Upsert =
        $"INSERT INTO plugin_results ({Columns}) VALUES (@EventId, @PluginName, @AudioTrack, @StartMs, @EndMs, @ChunkNumber, " +
        "@PluginVersion, @Payload, @Now) ON CONFLICT (event_id, plugin_name, audio_track, start_ms) DO UPDATE SET " +
        "end_ms = excluded.end_ms, chunk_number = excluded.chunk_number, plugin_version = excluded.plugin_version, " +
        "payload = excluded.payload, recorded_unix_ms = excluded.recorded_unix_ms";

    public Task UpsertAsync(IReadOnlyCollection<PluginResultRecord> results, CancellationToken cancellationToken = default)
    {
        if (results.Count == 0)
        {
            return Task.CompletedTask;
        }

        var rows = Rows(results);
        var first = results.First();
        return db.InTransactionAsync($"writing {results.Count} results of plugin {first.PluginName} for event {first.EventId}",
            (c, tx) => c.ExecAsync(Upsert, rows, cancellationToken, tx), cancellationToken);
    }

    public Task ReplaceChunkAsync(
        string eventId, string pluginName, int audioTrack, int chunkNumber, IReadOnlyCollection<PluginResultRecord> results,
        CancellationToken cancellationToken = default)
    {
        var stray = results.FirstOrDefault(r => r.EventId != eventId || r.PluginName != pluginName || r.AudioTrack != audioTrack || r.ChunkNumber != chunkNumber);
        if (stray is not null)
        {
            throw new ArgumentException(
                $"result at {stray.StartMs} ms belongs to {stray.EventId}/{stray.PluginName}/track {stray.AudioTrack}/chunk {stray.ChunkNumber}, " +
                $"not to {eventId}/{pluginName}/track {audioTrack}/chunk {chunkNumber}", nameof(results));
        }

        var rows = Rows(results);
        return db.InTransactionAsync($"replacing chunk {chunkNumber} results of plugin {pluginName} for event {eventId}", async (c, tx) =>
        {
            await c.ExecAsync(
                "DELETE FROM plugin_results WHERE event_id = @eventId AND plugin_name = @pluginName AND audio_track = @audioTrack " +
                "AND chunk_number = @chunkNumber", new { eventId, pluginName, audioTrack, chunkNumber }, cancellationToken, tx).ConfigureAwait(false);
            return rows.Length == 0 ? 0 : await c.ExecAsync(Upsert, rows, cancellationToken, tx).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<PluginResultRecord>> QueryAsync(PluginResultQuery query, CancellationToken cancellationToken = default)
    {
        if (query.PluginNames is { Count: 0 })
        {
            return Task.FromResult<IReadOnlyList<PluginResultRecord>>([]);
        }

        var (text, parameters) = BuildQuery(db, query);
        return db.RunAsync($"querying plugin results of event {query.EventId}", c => c.ListAsync(text, parameters, Map, cancellationToken),
            cancellationToken);
    }

    /// <summary>The SELECT for a query (internal so tests can check its plan uses an index).</summary>
    internal static (string Sql, DynamicParameters Parameters) BuildQuery(SqlDatabase db, PluginResultQuery query)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM plugin_results WHERE event_id = @EventId");
        var parameters = new DynamicParameters();
        parameters.Add("EventId", query.EventId);
        if (query.PluginNames is not null)
        {
            sql.Append(" AND ").Append(db.InList("plugin_name", "PluginNames"));
            parameters.Add("PluginNames", query.PluginNames.ToArray());
        }

        if (query.AudioTrack is { } track)
        {
            sql.Append(" AND audio_track = @AudioTrack");
            parameters.Add("AudioTrack", track);
        }

        if (query.StartsWithin is { } starts)
        {
            sql.Append(" AND start_ms >= @StartsFrom AND start_ms < @StartsTo");
            parameters.Add("StartsFrom", starts.StartMs);
            parameters.Add("StartsTo", starts.EndMs);
        }

        if (query.EndsWithin is { } ends)
        {
            sql.Append(" AND end_ms >= @EndsFrom AND end_ms <= @EndsTo");
            parameters.Add("EndsFrom", ends.StartMs);
            parameters.Add("EndsTo", ends.EndMs);
        }

        if (query.Overlapping is { } overlap)
        {
            // Ranges share time when start < other end and end > other start; a point counts when it lies in [start, end).
            sql.Append(" AND start_ms < @OverlapTo AND (end_ms > @OverlapFrom OR (end_ms = start_ms AND start_ms >= @OverlapFrom))");
            parameters.Add("OverlapFrom", overlap.StartMs);
            parameters.Add("OverlapTo", overlap.EndMs);
        }

        if (query.ChunkNumber is { } chunk)
        {
            sql.Append(" AND chunk_number = @ChunkNumber");
            parameters.Add("ChunkNumber", chunk);
        }

        if (query.UpToChunkNumber is { } upTo)
        {
            sql.Append(" AND chunk_number <= @UpToChunkNumber");
            parameters.Add("UpToChunkNumber", upTo);
        }

        sql.Append(" ORDER BY start_ms, plugin_name, audio_track");
        return (sql.ToString(), parameters);
    }

    public Task<IReadOnlyList<string>> ListPluginNamesAsync(string eventId, CancellationToken cancellationToken = default) =>
        db.RunAsync($"listing plugins with results for event {eventId}", c => c.ListAsync(
            "SELECT DISTINCT plugin_name FROM plugin_results WHERE event_id = @eventId ORDER BY plugin_name", new { eventId },
            r => r.String("plugin_name"), cancellationToken), cancellationToken);

    private object[] Rows(IReadOnlyCollection<PluginResultRecord> results)
    {
        var now = db.NowUnixMs;

        // Key order makes concurrent writers of overlapping batches take row locks in the same order (no deadlocks).
        return results.OrderBy(r => r.EventId, StringComparer.Ordinal).ThenBy(r => r.PluginName, StringComparer.Ordinal)
            .ThenBy(r => r.AudioTrack).ThenBy(r => r.StartMs).Select(r =>
        {
            if (r.EndMs < r.StartMs)
            {
                throw new ArgumentException($"result of {r.PluginName} ends ({r.EndMs} ms) before it starts ({r.StartMs} ms)", nameof(results));
            }

            return (object)new
            {
                r.EventId, r.PluginName, r.AudioTrack, r.StartMs, r.EndMs, r.ChunkNumber, r.PluginVersion,
                Payload = JsonText.Require(r.PayloadJson, nameof(r.PayloadJson)), Now = now,
            };
        }).ToArray();
    }

    private static PluginResultRecord Map(Row r) => new(
        r.String("event_id"), r.String("plugin_name"), r.Int("audio_track"), r.Long("start_ms"), r.Long("end_ms"), r.Int("chunk_number"),
        r.String("payload"), r.NullableString("plugin_version"), r.Long("recorded_unix_ms"));
}
