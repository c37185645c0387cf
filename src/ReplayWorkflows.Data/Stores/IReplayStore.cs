using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Data.Stores;

/// <summary>Replay requests and their current selections.</summary>
public interface IReplayStore
{
    /// <summary>Stores a new replay request; returns false (and changes nothing) when the id exists.</summary>
    Task<bool> CreateAsync(ReplayRecord record, CancellationToken cancellationToken = default);

    Task<ReplayRecord?> GetAsync(string replayId, CancellationToken cancellationToken = default);

    /// <summary>The event's replays in creation order, optionally only those with one of the statuses.</summary>
    Task<IReadOnlyList<ReplayRecord>> ListByEventAsync(
        string eventId, IReadOnlyCollection<ReplayStatus>? statuses = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the status; returns false when the replay does not exist or, with <paramref name="onlyFrom"/>, when its current
    /// status is not one of those.
    /// </summary>
    Task<bool> SetStatusAsync(
        string replayId, ReplayStatus status, IReadOnlyCollection<ReplayStatus>? onlyFrom = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a selection atomically. Unless <paramref name="ignoreOrdering"/> (feedback may rewrite history), a
    /// selection whose <see cref="ReplayResultRecord.LastSegmentStartMs"/> is older than the stored one is
    /// <see cref="ReplayResultWrite.Stale"/>; the same items as stored are <see cref="ReplayResultWrite.Unchanged"/>.
    /// </summary>
    Task<ReplayResultWrite> SaveResultAsync(ReplayResultRecord result, bool ignoreOrdering = false, CancellationToken cancellationToken = default);

    /// <summary>The stored selection with its items in position order, or null before the first save.</summary>
    Task<ReplayResultRecord?> GetResultAsync(string replayId, CancellationToken cancellationToken = default);
}
