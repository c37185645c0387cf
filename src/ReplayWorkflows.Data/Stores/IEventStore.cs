using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Data.Stores;

/// <summary>Events and their lifecycle.</summary>
public interface IEventStore
{
    /// <summary>Stores a new event; returns false (and changes nothing) when the id already exists.</summary>
    /// <exception cref="DataPlaneException">Another event already has the same (Program, Name).</exception>
    Task<bool> CreateAsync(EventRecord record, CancellationToken cancellationToken = default);

    Task<EventRecord?> GetAsync(string eventId, CancellationToken cancellationToken = default);

    Task<EventRecord?> FindByNameAsync(string program, string name, CancellationToken cancellationToken = default);

    /// <summary>Events in scheduled-start order (unscheduled last), optionally only those with one of the statuses.</summary>
    Task<IReadOnlyList<EventRecord>> ListAsync(IReadOnlyCollection<EventStatus>? statuses = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the status; returns false when the event does not exist or, with <paramref name="onlyFrom"/>, when its current
    /// status is not one of those (e.g. a late chunk must not move a Complete event back to InProgress).
    /// </summary>
    Task<bool> SetStatusAsync(
        string eventId, EventStatus status, IReadOnlyCollection<EventStatus>? onlyFrom = null, CancellationToken cancellationToken = default);

    /// <summary>Moves the known end of media forward (never backward: chunks may be recorded out of order).</summary>
    Task<bool> ExtendMediaEndAsync(string eventId, long mediaEndMs, CancellationToken cancellationToken = default);

    /// <summary>Deletes the event and everything recorded for it (chunks, results, segments, clips, replays, feedback, exports).</summary>
    Task<bool> DeleteAsync(string eventId, CancellationToken cancellationToken = default);
}
