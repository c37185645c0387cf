using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Data.Stores;

/// <summary>Media chunks per event.</summary>
public interface IChunkStore
{
    /// <summary>Records a chunk; recording the same chunk number again replaces it.</summary>
    Task UpsertAsync(ChunkRecord record, CancellationToken cancellationToken = default);

    Task<ChunkRecord?> GetAsync(string eventId, int chunkNumber, CancellationToken cancellationToken = default);

    /// <summary>All chunks of the event in start order.</summary>
    Task<IReadOnlyList<ChunkRecord>> ListAsync(string eventId, CancellationToken cancellationToken = default);

    /// <summary>The chunks that hold media of the range, in start order (what a clip of the range must read).</summary>
    Task<IReadOnlyList<ChunkRecord>> ListCoveringAsync(string eventId, TimeRange range, CancellationToken cancellationToken = default);

    /// <summary>The latest chunk that starts at or before the time.</summary>
    Task<ChunkRecord?> FindContainingAsync(string eventId, long timeMs, CancellationToken cancellationToken = default);
}
