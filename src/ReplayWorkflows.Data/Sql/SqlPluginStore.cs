using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Data.Stores;

namespace ReplayWorkflows.Data.Sql;

internal sealed class SqlPluginStore(SqlDatabase db) : IPluginStore
{
    private const string Columns = "name, version, plugin_class, media_type, definition, enabled, registered_unix_ms";

    public Task<bool> RegisterAsync(PluginRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Version);
        var definition = JsonText.Require(record.DefinitionJson, nameof(record.DefinitionJson));
        return db.InTransactionAsync($"registering plugin {record.Name} {record.Version}", async (c, tx) =>
        {
            var inserted = await c.ExecAsync(
                $"INSERT INTO plugins ({Columns}) VALUES (@Name, @Version, @PluginClass, @MediaType, @Definition, @Enabled, @Now) " +
                "ON CONFLICT (name, version) DO NOTHING",
                new { record.Name, record.Version, record.PluginClass, record.MediaType, Definition = definition, record.Enabled, Now = db.NowUnixMs },
                cancellationToken, tx).ConfigureAwait(false);
            if (inserted == 1)
            {
                return true;
            }

            var existing = await c.FirstOrDefaultAsync(
                $"SELECT {Columns} FROM plugins WHERE name = @Name AND version = @Version", new { record.Name, record.Version }, Map,
                cancellationToken, tx).ConfigureAwait(false);
            if (existing is not null && existing.PluginClass == record.PluginClass && existing.MediaType == record.MediaType &&
                existing.DefinitionJson == definition)
            {
                return false;
            }

            throw new DataPlaneException(
                $"{db.Description}: plugin {record.Name} version {record.Version} is already registered with a different definition; " +
                "versions are immutable, so register a new version.");
        }, cancellationToken);
    }

    public Task<PluginRecord?> GetAsync(string name, string version, CancellationToken cancellationToken = default) =>
        db.RunAsync($"reading plugin {name} {version}", c => c.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM plugins WHERE name = @name AND version = @version", new { name, version }, Map, cancellationToken),
            cancellationToken);

    public Task<PluginRecord?> GetLatestAsync(string name, CancellationToken cancellationToken = default) =>
        db.RunAsync($"reading the latest version of plugin {name}", c => c.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM plugins WHERE name = @name AND enabled = @Enabled " +
            "ORDER BY registered_unix_ms DESC, version DESC LIMIT 1", new { name, Enabled = true }, Map, cancellationToken),
            cancellationToken);

    public Task<IReadOnlyList<PluginRecord>> ListAsync(string? pluginClass = null, CancellationToken cancellationToken = default)
    {
        var filter = pluginClass is null ? string.Empty : "WHERE plugin_class = @pluginClass ";
        return db.RunAsync("listing plugins", c => c.ListAsync(
            $"SELECT {Columns} FROM plugins {filter}ORDER BY name, registered_unix_ms, version", new { pluginClass }, Map, cancellationToken),
            cancellationToken);
    }

    public Task<bool> SetEnabledAsync(string name, string version, bool enabled, CancellationToken cancellationToken = default) =>
        db.RunAsync($"enabling plugin {name} {version}", async c => await c.ExecAsync(
            "UPDATE plugins SET enabled = @enabled WHERE name = @name AND version = @version",
            new { name, version, enabled }, cancellationToken).ConfigureAwait(false) == 1, cancellationToken);

    private static PluginRecord Map(Row r) => new(
        r.String("name"), r.String("version"), r.String("plugin_class"), r.String("media_type"), r.String("definition"), r.Bool("enabled"),
        r.Long("registered_unix_ms"));
}
