using ReplayWorkflows.Data.Stores;

namespace ReplayWorkflows.Data;

/// <summary>
/// The replay domain's storage: one store per aggregate over one database. Open it with
/// <see cref="DataPlaneFactory.OpenAsync"/>; it is thread-safe and meant to live as long as the process.
/// </summary>
public interface IDataPlane : IAsyncDisposable
{
    /// <summary>The provider and location, safe to log (no passwords), e.g. "SQLite file /data/replay.db".</summary>
    string Description { get; }

    /// <summary>The schema version the store is at (the newest migration this build knows).</summary>
    int SchemaVersion { get; }

    /// <summary>Round-trips a trivial query: for health checks. Throws <see cref="DataPlaneException"/> when the store is unusable.</summary>
    Task CheckAsync(CancellationToken cancellationToken = default);

    IEventStore Events { get; }

    IProfileStore Profiles { get; }

    IPluginStore Plugins { get; }

    IChunkStore Chunks { get; }

    IPluginResultStore PluginResults { get; }

    ISegmentStore Segments { get; }

    IClipStore Clips { get; }

    IReplayStore Replays { get; }

    IFeedbackStore Feedback { get; }

    IExportStore Exports { get; }
}
