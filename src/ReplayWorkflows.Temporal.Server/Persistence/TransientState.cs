namespace ReplayWorkflows.Temporal.Server.Persistence;

/// <summary>What a run holds outside its history (attempts, heartbeats, stickiness), stored as JSON beside it.</summary>
internal sealed record TransientState(string StickyQueue, long StickyTimeoutMs, IReadOnlyList<TransientActivity> Activities, int WorkflowTaskAttempt = 1);

/// <summary>The transient part of one pending activity.</summary>
internal sealed record TransientActivity(
    long ScheduledEventId,
    int Attempt,
    bool Started,
    string StartedIdentity,
    string? HeartbeatDetails,
    string? LastFailure,
    long? RetryDueUnixMs,
    bool Closing);
