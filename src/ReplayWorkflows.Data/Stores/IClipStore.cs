using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Data.Stores;

/// <summary>Rendered segment clips.</summary>
public interface IClipStore
{
    /// <summary>Records a clip; the same identity again replaces it.</summary>
    Task UpsertAsync(ClipRecord record, CancellationToken cancellationToken = default);

    /// <summary>The clips of one segment, ordered by variant, track and format.</summary>
    Task<IReadOnlyList<ClipRecord>> ListForSegmentAsync(string eventId, string classifier, long segmentStartMs, CancellationToken cancellationToken = default);

    /// <summary>All clips of the event ordered by segment start.</summary>
    Task<IReadOnlyList<ClipRecord>> ListAsync(string eventId, CancellationToken cancellationToken = default);
}
