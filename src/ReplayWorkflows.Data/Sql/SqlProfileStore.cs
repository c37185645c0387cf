using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Data.Stores;

namespace ReplayWorkflows.Data.Sql;

internal sealed class SqlProfileStore(SqlDatabase db) : IProfileStore
{
    private const string Columns = "name, definition, revision, created_unix_ms, updated_unix_ms";

    public Task<ProfileRecord> SaveAsync(string name, string definitionJson, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var definition = JsonText.Require(definitionJson, nameof(definitionJson));
        return db.RunAsync($"saving profile {name}", async c => (await c.FirstOrDefaultAsync(
            $"INSERT INTO profiles ({Columns}) VALUES (@name, @definition, 1, @Now, @Now) " +
            "ON CONFLICT (name) DO UPDATE SET " +
            "revision = CASE WHEN profiles.definition = excluded.definition THEN profiles.revision ELSE profiles.revision + 1 END, " +
            "updated_unix_ms = CASE WHEN profiles.definition = excluded.definition THEN profiles.updated_unix_ms ELSE excluded.updated_unix_ms END, " +
            $"definition = excluded.definition RETURNING {Columns}",
            new { name, definition, Now = db.NowUnixMs }, Map, cancellationToken).ConfigureAwait(false))!, cancellationToken);
    }

    public Task<ProfileRecord?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        db.RunAsync($"reading profile {name}", c => c.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM profiles WHERE name = @name", new { name }, Map, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ProfileRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        db.RunAsync("listing profiles", c => c.ListAsync(
            $"SELECT {Columns} FROM profiles ORDER BY name", null, Map, cancellationToken), cancellationToken);

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        db.RunAsync($"deleting profile {name}", async c => await c.ExecAsync(
            "DELETE FROM profiles WHERE name = @name", new { name }, cancellationToken).ConfigureAwait(false) == 1, cancellationToken);

    private static ProfileRecord Map(Row r) =>
        new(r.String("name"), r.String("definition"), r.Int("revision"), r.Long("created_unix_ms"), r.Long("updated_unix_ms"));
}
