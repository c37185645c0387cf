using Temporalio.Common;

namespace Temporalio.Workflows;

/// <summary>How an activity called from a workflow is scheduled. StartToCloseTimeout or ScheduleToCloseTimeout is required.</summary>
public class ActivityOptions : ICloneable
{
    public TimeSpan? ScheduleToCloseTimeout { get; set; }

    public TimeSpan? ScheduleToStartTimeout { get; set; }

    public TimeSpan? StartToCloseTimeout { get; set; }

    public TimeSpan? HeartbeatTimeout { get; set; }

    public RetryPolicy? RetryPolicy { get; set; }

    /// <summary>The task queue; defaults to the workflow's.</summary>
    public string? TaskQueue { get; set; }

    /// <summary>Cancels the activity; defaults to <see cref="Workflow.CancellationToken"/>.</summary>
    public CancellationToken? CancellationToken { get; set; }

    public ActivityCancellationType CancellationType { get; set; } = ActivityCancellationType.TryCancel;

    /// <summary>The activity id; defaults to the activity's sequence number in the workflow.</summary>
    public string? ActivityId { get; set; }

    /// <summary>Task-queue ordering hints; unset fields take the workflow's.</summary>
    public Priority? Priority { get; set; }

    /// <summary>A shallow copy.</summary>
    public virtual object Clone() => MemberwiseClone();
}

/// <summary>How a local activity (run by the workflow's own worker, recorded as a marker) is executed.</summary>
public class LocalActivityOptions : ICloneable
{
    public TimeSpan? ScheduleToCloseTimeout { get; set; }

    public TimeSpan? ScheduleToStartTimeout { get; set; }

    public TimeSpan? StartToCloseTimeout { get; set; }

    public RetryPolicy? RetryPolicy { get; set; }

    /// <summary>Backoff longer than this becomes a durable timer instead of a local wait (default 1 min).</summary>
    public TimeSpan? LocalRetryThreshold { get; set; }

    public CancellationToken? CancellationToken { get; set; }

    public ActivityCancellationType CancellationType { get; set; } = ActivityCancellationType.TryCancel;

    public string? ActivityId { get; set; }

    /// <summary>A shallow copy.</summary>
    public virtual object Clone() => MemberwiseClone();
}

/// <summary>What cancelling an activity does.</summary>
public enum ActivityCancellationType
{
    /// <summary>Request cancellation and resolve at once as cancelled.</summary>
    TryCancel,

    /// <summary>Request cancellation and wait until the activity reports it.</summary>
    WaitCancellationCompleted,

    /// <summary>Resolve at once as cancelled and send nothing.</summary>
    Abandon,
}

/// <summary>What cancelling a child workflow does.</summary>
public enum ChildWorkflowCancellationType
{
    Abandon,
    TryCancel,
    WaitCancellationCompleted,
    WaitCancellationRequested,
}
