using System.Data.Common;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Data.Stores;

namespace ReplayWorkflows.Data.Sql;

internal sealed class SqlEventStore(SqlDatabase db) : IEventStore
{
    private const string Columns =
        "event_id, program, name, profile_name, profile_revision, status, scheduled_start_unix_ms, duration_ms, media_end_ms, " +
        "definition, created_unix_ms, updated_unix_ms";

    public Task<bool> CreateAsync(EventRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(record.EventId);
        var definition = JsonText.Require(record.DefinitionJson, nameof(record.DefinitionJson));
        var now = db.NowUnixMs;
        return db.RunAsync($"creating event {record.EventId}", async c =>
        {
            try
            {
                return await c.ExecAsync(
                    $"INSERT INTO events ({Columns}) VALUES (@EventId, @Program, @Name, @ProfileName, @ProfileRevision, @Status, " +
                    "@ScheduledStartUnixMs, @DurationMs, @MediaEndMs, @Definition, @Now, @Now) ON CONFLICT (event_id) DO NOTHING",
                    new
                    {
                        record.EventId, record.Program, record.Name, record.ProfileName, record.ProfileRevision,
                        Status = record.Status.ToString(), record.ScheduledStartUnixMs, record.DurationMs, record.MediaEndMs,
                        Definition = definition, Now = now,
                    }, cancellationToken).ConfigureAwait(false) == 1;
            }
            catch (DbException ex) when (db.IsUniqueViolation(ex))
            {
                throw new DataPlaneException(
                    $"{db.Description}: event '{record.Name}' of program '{record.Program}' already exists under another id; choose another name.", ex);
            }
        }, cancellationToken);
    }

    public Task<EventRecord?> GetAsync(string eventId, CancellationToken cancellationToken = default) =>
        db.RunAsync($"reading event {eventId}", c => c.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM events WHERE event_id = @eventId", new { eventId }, Map, cancellationToken), cancellationToken);

    public Task<EventRecord?> FindByNameAsync(string program, string name, CancellationToken cancellationToken = default) =>
        db.RunAsync($"finding event {program}/{name}", c => c.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM events WHERE program = @program AND name = @name", new { program, name }, Map, cancellationToken),
            cancellationToken);

    public Task<IReadOnlyList<EventRecord>> ListAsync(IReadOnlyCollection<EventStatus>? statuses = null, CancellationToken cancellationToken = default)
    {
        if (statuses is { Count: 0 })
        {
            return Task.FromResult<IReadOnlyList<EventRecord>>([]);
        }

        var filter = statuses is null ? string.Empty : $"WHERE {db.InList("status", "Statuses")} ";
        return db.RunAsync("listing events", c => c.ListAsync(
            $"SELECT {Columns} FROM events {filter}ORDER BY scheduled_start_unix_ms IS NULL, scheduled_start_unix_ms, event_id",
            new { Statuses = statuses?.Select(s => s.ToString()).ToArray() }, Map, cancellationToken), cancellationToken);
    }

    public Task<bool> SetStatusAsync(
        string eventId, EventStatus status, IReadOnlyCollection<EventStatus>? onlyFrom = null, CancellationToken cancellationToken = default)
    {
        if (onlyFrom is { Count: 0 })
        {
            return Task.FromResult(false);
        }

        var condition = onlyFrom is null ? string.Empty : $" AND {db.InList("status", "From")}";
        return db.RunAsync($"setting the status of event {eventId} to {status}", async c => await c.ExecAsync(
            $"UPDATE events SET status = @Status, updated_unix_ms = @Now WHERE event_id = @eventId{condition}",
            new { eventId, Status = status.ToString(), From = onlyFrom?.Select(s => s.ToString()).ToArray(), Now = db.NowUnixMs },
            cancellationToken).ConfigureAwait(false) == 1, cancellationToken);
    }

    public Task<bool> ExtendMediaEndAsync(string eventId, long mediaEndMs, CancellationToken cancellationToken = default) =>
        db.RunAsync($"extending the media end of event {eventId}", async c => await c.ExecAsync(
            "UPDATE events SET media_end_ms = CASE WHEN media_end_ms IS NULL OR media_end_ms < @mediaEndMs THEN @mediaEndMs ELSE media_end_ms END, " +
            "updated_unix_ms = @Now WHERE event_id = @eventId",
            new { eventId, mediaEndMs, Now = db.NowUnixMs }, cancellationToken).ConfigureAwait(false) == 1, cancellationToken);

    public Task<bool> DeleteAsync(string eventId, CancellationToken cancellationToken = default) =>
        db.RunAsync($"deleting event {eventId}", async c => await c.ExecAsync(
            "DELETE FROM events WHERE event_id = @eventId", new { eventId }, cancellationToken).ConfigureAwait(false) == 1, cancellationToken);

    private static EventRecord Map(Row r) => new(
        r.String("event_id"), r.String("program"), r.String("name"), r.String("profile_name"), r.NullableInt("profile_revision"),
        r.Enum<EventStatus>("status"), r.NullableLong("scheduled_start_unix_ms"), r.NullableLong("duration_ms"), r.NullableLong("media_end_ms"),
        r.String("definition"), r.Long("created_unix_ms"), r.Long("updated_unix_ms"));
}
