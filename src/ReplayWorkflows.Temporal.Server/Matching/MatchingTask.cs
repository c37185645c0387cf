using ReplayWorkflows.Temporal.Server.History;

namespace ReplayWorkflows.Temporal.Server.Matching;

/// <summary>
/// A pointer to work held by history: the run, the scheduled event and the stamp it was dispatched with. History
/// checks it against mutable state when a poller takes it, so a stale or duplicate task is simply dropped.
/// </summary>
internal sealed record MatchingTask(ExecutionKey Key, long ScheduledEventId, long Stamp, string? QueryId = null);
