using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Data.Stores;

/// <summary>Plugin outputs, keyed by (event, plugin, audio track, start ms).</summary>
public interface IPluginResultStore
{
    /// <summary>Writes results in one transaction; a key that exists is replaced, so writing twice leaves one copy.</summary>
    Task UpsertAsync(IReadOnlyCollection<PluginResultRecord> results, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces everything one plugin wrote for one chunk and track with these results, in one transaction. This is the
    /// idempotent write for a re-run chunk: results the earlier run found but this run did not are removed.
    /// </summary>
    Task ReplaceChunkAsync(
        string eventId, string pluginName, int audioTrack, int chunkNumber, IReadOnlyCollection<PluginResultRecord> results,
        CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PluginResultRecord>> QueryAsync(PluginResultQuery query, CancellationToken cancellationToken = default);

    /// <summary>The distinct plugin names that have results for the event, ordered.</summary>
    Task<IReadOnlyList<string>> ListPluginNamesAsync(string eventId, CancellationToken cancellationToken = default);
}
