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
