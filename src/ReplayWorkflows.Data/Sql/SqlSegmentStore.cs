using System.Text;
using Dapper;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Data.Stores;

namespace ReplayWorkflows.Data.Sql;

internal sealed class SqlSegmentStore(SqlDatabase db) : ISegmentStore
{
    private const string Columns =
        "event_id, classifier, start_ms, end_ms, start_chunk, end_chunk, optimized_start_ms, optimized_end_ms, optimization, " +
        "label, label_attributes, features, created_unix_ms, updated_unix_ms";

    // "Same end" = the write does not move the end: an open write (never reopens) or the stored end again.
    private const string SameEnd = "(excluded.end_ms IS NULL OR excluded.end_ms = segments.end_ms)";

    private const string Upsert =
        $"INSERT INTO segments ({Columns}) VALUES (@EventId, @Classifier, @StartMs, @EndMs, @StartChunkNumber, @EndChunkNumber, " +
        "NULL, NULL, NULL, NULL, NULL, @Features, @Now, @Now) ON CONFLICT (event_id, classifier, start_ms) DO UPDATE SET " +
        "end_ms = COALESCE(excluded.end_ms, segments.end_ms), " +
        $"end_chunk = CASE WHEN {SameEnd} THEN segments.end_chunk ELSE excluded.end_chunk END, " +
        $"optimized_start_ms = CASE WHEN {SameEnd} THEN segments.optimized_start_ms ELSE NULL END, " +
        $"optimized_end_ms = CASE WHEN {SameEnd} THEN segments.optimized_end_ms ELSE NULL END, " +
        $"optimization = CASE WHEN {SameEnd} THEN segments.optimization ELSE NULL END, " +
        $"label = CASE WHEN {SameEnd} THEN segments.label ELSE NULL END, " +
        $"label_attributes = CASE WHEN {SameEnd} THEN segments.label_attributes ELSE NULL END, " +
        $"features = CASE WHEN {SameEnd} THEN segments.features ELSE excluded.features END, " +
        $"updated_unix_ms = CASE WHEN {SameEnd} THEN segments.updated_unix_ms ELSE excluded.updated_unix_ms END";

    public Task<SegmentRecord> UpsertAsync(SegmentRecord segment, CancellationToken cancellationToken = default)
    {
        var row = ToRow(segment, db.NowUnixMs);
        return db.RunAsync($"writing segment {segment.StartMs} ms of {segment.Classifier} for event {segment.EventId}", async c =>
            (await c.FirstOrDefaultAsync($"{Upsert} RETURNING {Columns}", row, Map, cancellationToken).ConfigureAwait(false))!, cancellationToken);
    }

    public Task UpsertManyAsync(IReadOnlyCollection<SegmentRecord> segments, CancellationToken cancellationToken = default)
    {
        if (segments.Count == 0)
        {
            return Task.CompletedTask;
        }

        var now = db.NowUnixMs;
        var rows = segments.OrderBy(s => s.EventId, StringComparer.Ordinal).ThenBy(s => s.Classifier, StringComparer.Ordinal)
            .ThenBy(s => s.StartMs).Select(s => ToRow(s, now)).ToArray();
        return db.InTransactionAsync($"writing {segments.Count} segments for event {segments.First().EventId}",
            (c, tx) => c.ExecAsync(Upsert, rows, cancellationToken, tx), cancellationToken);
    }

    public Task<SegmentRecord?> GetAsync(string eventId, string classifier, long startMs, CancellationToken cancellationToken = default) =>
        db.RunAsync($"reading segment {startMs} ms of {classifier} for event {eventId}", c => c.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM segments WHERE event_id = @eventId AND classifier = @classifier AND start_ms = @startMs",
            new { eventId, classifier, startMs }, Map, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<SegmentRecord>> QueryAsync(SegmentQuery query, CancellationToken cancellationToken = default)
    {
        var (text, parameters) = BuildQuery(query);
        return db.RunAsync($"querying segments of event {query.EventId}", c => c.ListAsync(text, parameters, Map, cancellationToken),
            cancellationToken);
    }

    /// <summary>The SELECT for a query (internal so tests can check its plan uses an index).</summary>
    internal static (string Sql, DynamicParameters Parameters) BuildQuery(SegmentQuery query)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM segments WHERE event_id = @EventId");
        var parameters = new DynamicParameters();
        parameters.Add("EventId", query.EventId);
        if (query.Classifier is not null)
        {
            sql.Append(" AND classifier = @Classifier");
            parameters.Add("Classifier", query.Classifier);
        }

        if (query.StartsWithin is { } starts)
        {
            sql.Append(" AND start_ms >= @StartsFrom AND start_ms < @StartsTo");
            parameters.Add("StartsFrom", starts.StartMs);
            parameters.Add("StartsTo", starts.EndMs);
        }

        if (query.Closed is { } closed)
        {
            sql.Append(closed ? " AND end_ms IS NOT NULL" : " AND end_ms IS NULL");
        }

        if (query.AwaitingOptimization)
        {
            sql.Append(" AND end_ms IS NOT NULL AND optimized_start_ms IS NULL");
        }

        if (query.AwaitingLabel)
        {
            sql.Append(" AND end_ms IS NOT NULL AND label IS NULL");
        }

        sql.Append(" ORDER BY start_ms, classifier");
        return (sql.ToString(), parameters);
    }

    public Task<SegmentRecord?> FindLastBeforeAsync(string eventId, string classifier, long beforeMs, CancellationToken cancellationToken = default) =>
        db.RunAsync($"finding the segment of {classifier} before {beforeMs} ms for event {eventId}", c => c.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM segments WHERE event_id = @eventId AND classifier = @classifier AND start_ms < @beforeMs " +
            "ORDER BY start_ms DESC LIMIT 1", new { eventId, classifier, beforeMs }, Map, cancellationToken), cancellationToken);

    public Task<bool> SetOptimizedAsync(
        string eventId, string classifier, long startMs, long optimizedStartMs, long optimizedEndMs, string optimizationJson,
        CancellationToken cancellationToken = default)
    {
        if (optimizedEndMs <= optimizedStartMs)
        {
            throw new ArgumentException($"optimized end {optimizedEndMs} ms must be after optimized start {optimizedStartMs} ms", nameof(optimizedEndMs));
        }

        var optimization = JsonText.Require(optimizationJson, nameof(optimizationJson));
        return Update($"optimizing segment {startMs} ms of {classifier} for event {eventId}",
            "optimized_start_ms = @optimizedStartMs, optimized_end_ms = @optimizedEndMs, optimization = @optimization",
            " AND end_ms IS NOT NULL", new { eventId, classifier, startMs, optimizedStartMs, optimizedEndMs, optimization, Now = db.NowUnixMs },
            cancellationToken);
    }

    public Task<bool> SetLabelAsync(
        string eventId, string classifier, long startMs, string label, string labelJson, CancellationToken cancellationToken = default)
    {
        var attributes = JsonText.Require(labelJson, nameof(labelJson));
        return Update($"labelling segment {startMs} ms of {classifier} for event {eventId}", "label = @label, label_attributes = @attributes",
            string.Empty, new { eventId, classifier, startMs, label, attributes, Now = db.NowUnixMs }, cancellationToken);
    }

    public Task<bool> SetFeaturesAsync(
        string eventId, string classifier, long startMs, string featuresJson, CancellationToken cancellationToken = default)
    {
        var features = JsonText.Require(featuresJson, nameof(featuresJson));
        return Update($"storing features of segment {startMs} ms of {classifier} for event {eventId}", "features = @features",
            string.Empty, new { eventId, classifier, startMs, features, Now = db.NowUnixMs }, cancellationToken);
    }

    private Task<bool> Update(string operation, string set, string condition, object parameters, CancellationToken cancellationToken) =>
        db.RunAsync(operation, async c => await c.ExecAsync(
            $"UPDATE segments SET {set}, updated_unix_ms = @Now WHERE event_id = @eventId AND classifier = @classifier AND start_ms = @startMs{condition}",
            parameters, cancellationToken).ConfigureAwait(false) == 1, cancellationToken);

    private static object ToRow(SegmentRecord s, long now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(s.EventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(s.Classifier);
        if (s.EndMs is { } end && end <= s.StartMs)
        {
            throw new ArgumentException($"segment of {s.Classifier} ends ({end} ms) at or before its start ({s.StartMs} ms)", nameof(s));
        }

        return new
        {
            s.EventId, s.Classifier, s.StartMs, s.EndMs, s.StartChunkNumber, EndChunkNumber = s.EndMs is null ? null : s.EndChunkNumber,
            Features = JsonText.Require(s.FeaturesJson, nameof(s.FeaturesJson)), Now = now,
        };
    }

    private static SegmentRecord Map(Row r) => new(
        r.String("event_id"), r.String("classifier"), r.Long("start_ms"), r.NullableLong("end_ms"), r.Int("start_chunk"), r.NullableInt("end_chunk"),
        r.NullableLong("optimized_start_ms"), r.NullableLong("optimized_end_ms"), r.NullableString("optimization"), r.NullableString("label"),
        r.NullableString("label_attributes"), r.String("features"), r.Long("created_unix_ms"), r.Long("updated_unix_ms"));
}
