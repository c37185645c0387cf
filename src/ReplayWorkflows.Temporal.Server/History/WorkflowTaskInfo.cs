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
}
