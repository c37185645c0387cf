using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Data.Stores;

namespace ReplayWorkflows.Data.Sql;

internal sealed class SqlPluginResultStore(SqlDatabase db) : IPluginResultStore
{
    private const string Columns =
        "event_id, plugin_name, audio_track, start_ms, end_ms, chunk_number, plugin_version, payload, recorded_unix_ms";

    // Rows per INSERT statement: one round trip per batch instead of per row (9 parameters a row stays far below
    // SQLite's 32766 and PostgreSQL's 65535 parameter limits).
    private const int RowsPerStatement = 500;

    private const string OnConflict =
        " ON CONFLICT (event_id, plugin_name, audio_track, start_ms) DO UPDATE SET " +
        "end_ms = excluded.end_ms, chunk_number = excluded.chunk_number, plugin_version = excluded.plugin_version, " +
        "payload = excluded.payload, recorded_unix_ms = excluded.recorded_unix_ms";

    private const string SpanUpsert =
        "INSERT INTO plugin_result_spans (event_id, plugin_name, audio_track, max_duration_ms) " +
        "VALUES (@EventId, @PluginName, @AudioTrack, @MaxDurationMs) ON CONFLICT (event_id, plugin_name, audio_track) DO UPDATE SET " +
        "max_duration_ms = CASE WHEN excluded.max_duration_ms > plugin_result_spans.max_duration_ms " +
        "THEN excluded.max_duration_ms ELSE plugin_result_spans.max_duration_ms END";

    public Task UpsertAsync(IReadOnlyCollection<PluginResultRecord> results, CancellationToken cancellationToken = default)
    {
        if (results.Count == 0)
        {
            return Task.CompletedTask;
        }

        var rows = Rows(results);
        var first = results.First();
        return db.InTransactionAsync($"writing {results.Count} results of plugin {first.PluginName} for event {first.EventId}",
            (c, tx) => WriteAsync(c, tx, rows, cancellationToken), cancellationToken);
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
            return await WriteAsync(c, tx, rows, cancellationToken).ConfigureAwait(false);
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
            // The lower bound on start (from minus the longest result of these plugins) lets the (event, start) index
            // serve the query instead of scanning every earlier result.
            var spanFilter = (query.PluginNames is null ? string.Empty : $" AND {db.InList("plugin_name", "PluginNames")}") +
                             (query.AudioTrack is null ? string.Empty : " AND audio_track = @AudioTrack");
            sql.Append(" AND start_ms < @OverlapTo AND start_ms >= @OverlapFrom - (SELECT COALESCE(MAX(max_duration_ms), 0) ")
                .Append("FROM plugin_result_spans WHERE event_id = @EventId").Append(spanFilter).Append(')')
                .Append(" AND (end_ms > @OverlapFrom OR (end_ms = start_ms AND start_ms >= @OverlapFrom))");
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

    /// <summary>Validated rows in key order (concurrent writers then lock rows in the same order), one per key (the last wins).</summary>
    private static List<PluginResultRecord> Rows(IReadOnlyCollection<PluginResultRecord> results)
    {
        foreach (var r in results)
        {
            if (r.EndMs < r.StartMs)
            {
                throw new ArgumentException($"result of {r.PluginName} ends ({r.EndMs} ms) before it starts ({r.StartMs} ms)", nameof(results));
            }

            JsonText.Require(r.PayloadJson, nameof(r.PayloadJson));
        }

        // One statement may not touch a key twice (PostgreSQL refuses), so keep the last write of each key.
        return results
            .GroupBy(r => (r.EventId, r.PluginName, r.AudioTrack, r.StartMs))
            .Select(g => g.Last())
            .OrderBy(r => r.EventId, StringComparer.Ordinal).ThenBy(r => r.PluginName, StringComparer.Ordinal)
            .ThenBy(r => r.AudioTrack).ThenBy(r => r.StartMs)
            .ToList();
    }

    private async Task<int> WriteAsync(DbConnection c, DbTransaction tx, List<PluginResultRecord> rows, CancellationToken cancellationToken)
    {
        var now = db.NowUnixMs;
        var written = 0;
        foreach (var batch in rows.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder($"INSERT INTO plugin_results ({Columns}) VALUES ");
            var parameters = new DynamicParameters();
            parameters.Add("Now", now);
            for (var i = 0; i < batch.Length; i++)
            {
                var r = batch[i];
                sql.Append(i == 0 ? "(" : ", (").Append(CultureInfo.InvariantCulture,
                    $"@e{i}, @p{i}, @t{i}, @s{i}, @x{i}, @c{i}, @v{i}, @j{i}, @Now)");
                parameters.Add($"e{i}", r.EventId, DbType.String);
                parameters.Add($"p{i}", r.PluginName, DbType.String);
                parameters.Add($"t{i}", r.AudioTrack, DbType.Int32);
                parameters.Add($"s{i}", r.StartMs, DbType.Int64);
                parameters.Add($"x{i}", r.EndMs, DbType.Int64);
                parameters.Add($"c{i}", r.ChunkNumber, DbType.Int32);
                parameters.Add($"v{i}", r.PluginVersion, DbType.String);
                parameters.Add($"j{i}", r.PayloadJson, DbType.String);
            }

            sql.Append(OnConflict);
            written += await c.ExecAsync(sql.ToString(), parameters, cancellationToken, tx).ConfigureAwait(false);
        }

        var spans = rows
            .GroupBy(r => (r.EventId, r.PluginName, r.AudioTrack))
            .Select(g => new { g.Key.EventId, g.Key.PluginName, g.Key.AudioTrack, MaxDurationMs = g.Max(r => r.EndMs - r.StartMs) })
            .ToArray();
        await c.ExecAsync(SpanUpsert, spans, cancellationToken, tx).ConfigureAwait(false);
        return written;
    }

    private static PluginResultRecord Map(Row r) => new(
        r.String("event_id"), r.String("plugin_name"), r.Int("audio_track"), r.Long("start_ms"), r.Long("end_ms"), r.Int("chunk_number"),
        r.String("payload"), r.NullableString("plugin_version"), r.Long("recorded_unix_ms"));
}
