using ReplayWorkflows.Data.Stores;

namespace ReplayWorkflows.Data.Sql;

/// <summary>The stores over one <see cref="SqlDatabase"/>; disposing releases the provider's pooled connections.</summary>
internal sealed class SqlDataPlane(SqlDatabase database, int schemaVersion) : IDataPlane
{
    public SqlDatabase Database { get; } = database;

    public int SchemaVersion { get; } = schemaVersion;

    public string Description => Database.Description;

    public IEventStore Events { get; } = new SqlEventStore(database);

    public IProfileStore Profiles { get; } = new SqlProfileStore(database);

    public IPluginStore Plugins { get; } = new SqlPluginStore(database);

    public IChunkStore Chunks { get; } = new SqlChunkStore(database);

    public IPluginResultStore PluginResults { get; } = new SqlPluginResultStore(database);

    public ISegmentStore Segments { get; } = new SqlSegmentStore(database);

    public IClipStore Clips { get; } = new SqlClipStore(database);

    public IReplayStore Replays { get; } = new SqlReplayStore(database);

    public IFeedbackStore Feedback { get; } = new SqlFeedbackStore(database);

    public IExportStore Exports { get; } = new SqlExportStore(database);

    public Task CheckAsync(CancellationToken cancellationToken = default) =>
        Database.RunAsync("checking the connection", c => c.ExecAsync("SELECT 1", null, cancellationToken), cancellationToken);

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
