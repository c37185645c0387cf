using Temporalio.Api.Common.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;

namespace ReplayWorkflows.Temporal.Server.History;

/// <summary>
/// An activity scheduled by the workflow and not yet resolved. Attempts, heartbeats and the running attempt are
/// transient: Temporal writes ActivityTaskStarted only when the activity closes, so they live here, not in history.
/// </summary>
internal sealed class PendingActivity
{
    public PendingActivity(long scheduledEventId, ActivityTaskScheduledEventAttributes attributes, DateTimeOffset scheduledTime)
    {
        ScheduledEventId = scheduledEventId;
        Attributes = attributes;
        ScheduledTime = scheduledTime;
        CurrentAttemptScheduledTime = scheduledTime;
    }

    public long ScheduledEventId { get; }

    public ActivityTaskScheduledEventAttributes Attributes { get; }

    public DateTimeOffset ScheduledTime { get; }

    public DateTimeOffset CurrentAttemptScheduledTime { get; set; }

    public int Attempt { get; set; } = 1;

    /// <summary>Set while an attempt runs on a worker.</summary>
    public DateTimeOffset? StartedTime { get; set; }

    public string StartedIdentity { get; set; } = string.Empty;

    public string StartedRequestId { get; set; } = string.Empty;

    public DateTimeOffset? LastHeartbeatTime { get; set; }

    public Payloads? HeartbeatDetails { get; set; }

    public Failure? LastFailure { get; set; }

    public string LastWorkerIdentity { get; set; } = string.Empty;

    public long CancelRequestedEventId { get; set; }

    /// <summary>Set once the final outcome is decided (its events may still be buffered).</summary>
    public bool Closing { get; set; }

    /// <summary>Bumps on every attempt change so timers armed for an older attempt see they are stale.</summary>
    public long Stamp { get; set; }

    /// <summary>When the next attempt is due if a retry backoff is running.</summary>
    public DateTimeOffset? RetryDueTime { get; set; }
}
