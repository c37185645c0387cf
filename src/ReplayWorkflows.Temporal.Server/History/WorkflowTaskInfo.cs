using Temporalio.Api.History.V1;

namespace ReplayWorkflows.Temporal.Server.History;

/// <summary>The one outstanding workflow task of a run (scheduled, then started).</summary>
internal sealed class WorkflowTaskInfo
{
    public long ScheduledEventId { get; set; }

    public DateTimeOffset ScheduledTime { get; set; }

    public long StartedEventId { get; set; }

    public DateTimeOffset? StartedTime { get; set; }

    public int Attempt { get; set; } = 1;

    public string TaskQueue { get; set; } = string.Empty;

    public bool Sticky { get; set; }

    public string RequestId { get; set; } = string.Empty;

    public bool IsStarted => StartedEventId != 0;

    /// <summary>
    /// For a retry of a failed or timed-out task (attempt 2 on), its scheduled event, which is not in history: as in
    /// Temporal, a retried task's events are shown to the worker and written only when it completes, so a workflow
    /// that keeps failing does not grow its history.
    /// </summary>
    public HistoryEvent? TransientScheduled { get; init; }

    /// <summary>The started event of a transient task, once a worker took it.</summary>
    public HistoryEvent? TransientStarted { get; set; }

    public bool IsTransient => TransientScheduled is not null;
}
