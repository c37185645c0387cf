using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;

namespace ReplayWorkflows.Temporal.Server.History;

/// <summary>
/// One workflow run: its history (the truth) and the indexes rebuilt from it by <see cref="Apply"/>, so a restart
/// can replay stored events into the same state the running server had.
/// </summary>
internal sealed class MutableState
{
    public MutableState(ExecutionKey key)
    {
        Key = key;
    }

    public ExecutionKey Key { get; }

    public List<HistoryEvent> Events { get; } = [];

    /// <summary>Events that arrived while a workflow task was running; written after that task completes.</summary>
    public List<HistoryEvent> Buffered { get; } = [];

    /// <summary>How many events the store already holds.</summary>
    public int PersistedEventCount { get; set; }

    public WorkflowExecutionStartedEventAttributes Started { get; private set; } = new();

    public DateTimeOffset StartTime { get; private set; }

    public DateTimeOffset? CloseTime { get; private set; }

    public DateTimeOffset? ExecutionExpiration { get; set; }

    public DateTimeOffset? RunExpiration { get; set; }

    public WorkflowExecutionStatus Status { get; private set; } = WorkflowExecutionStatus.Running;

    public bool IsRunning => Status == WorkflowExecutionStatus.Running;

    public string RequestId { get; set; } = string.Empty;

    public string ContinuedAsNewRunId { get; private set; } = string.Empty;

    public WorkflowTaskInfo? WorkflowTask { get; set; }

    /// <summary>
    /// The attempt of the current or next workflow task: above 1 after failures or timeouts, back to 1 when a task
    /// completes or new events arrive. Kept outside history, as the retried tasks themselves are.
    /// </summary>
    public int WorkflowTaskAttempt { get; set; } = 1;

    public long LastCompletedWorkflowTaskStartedEventId { get; private set; }

    public string StickyQueue { get; set; } = string.Empty;

    public TimeSpan StickyScheduleToStartTimeout { get; set; }

    public bool CancelRequested { get; private set; }

    public Dictionary<long, PendingActivity> Activities { get; } = [];

    public Dictionary<string, long> ActivityIds { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PendingTimer> Timers { get; } = new(StringComparer.Ordinal);

    public Dictionary<long, PendingChild> Children { get; } = [];

    /// <summary>Initiated event ids of signal/cancel requests to other workflows not yet resolved.</summary>
    public HashSet<long> PendingExternalRequests { get; } = [];

    public SearchAttributes SearchAttributes { get; } = new();

    public Memo Memo { get; } = new();

    public long NextEventId => Events.Count + 1;

    public string TaskQueue => Started.TaskQueue?.Name ?? string.Empty;

    public string WorkflowType => Started.WorkflowType?.Name ?? string.Empty;

    public HistoryEvent? CloseEvent => IsRunning || Events.Count == 0 ? null : Events[^1];

    /// <summary>
    /// When the run's first workflow task is due, while it has had none (null after that): its start time plus the
    /// first-task backoff of a delayed start, a retry or a cron run.
    /// </summary>
    public DateTimeOffset? FirstWorkflowTaskDue =>
        WorkflowTask is null && LastCompletedWorkflowTaskStartedEventId == 0 && !Events.Any(e => e.EventType == EventType.WorkflowTaskScheduled)
            ? StartTime + (Started.FirstWorkflowTaskBackoff?.ToTimeSpan() ?? TimeSpan.Zero)
            : null;

    /// <summary>Bumps on every change of the workflow task so its timers can tell they are stale.</summary>
    public long WorkflowTaskStamp { get; set; }

    /// <summary>The encoded size of the history, kept as events are added (workers are told it with each task).</summary>
    public long HistorySizeBytes { get; private set; }

    /// <summary>Appends an event with the next id and applies it.</summary>
    public HistoryEvent Append(HistoryEvent e)
    {
        e.EventId = NextEventId;
        Load(e);
        return e;
    }

    /// <summary>Adds a stored event as it is (a restart rebuilding the run) and applies it.</summary>
    public void Load(HistoryEvent e)
    {
        Events.Add(e);
        HistorySizeBytes += e.CalculateSize();
        Apply(e);
    }

    /// <summary>Updates the indexes for one history event (also used when reloading from the store).</summary>
    public void Apply(HistoryEvent e)
    {
        var time = e.EventTime?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch;
        switch (e.AttributesCase)
        {
            case HistoryEvent.AttributesOneofCase.WorkflowExecutionStartedEventAttributes:
                Started = e.WorkflowExecutionStartedEventAttributes;
                StartTime = time;
                if (Started.Memo is not null)
                {
                    Memo.Fields.Add(Started.Memo.Fields);
                }

                if (Started.SearchAttributes is not null)
                {
                    SearchAttributes.IndexedFields.Add(Started.SearchAttributes.IndexedFields);
                }

                ExecutionExpiration = Started.WorkflowExecutionExpirationTime?.ToDateTimeOffset();
                if (Started.WorkflowRunTimeout is { } run && run.ToTimeSpan() > TimeSpan.Zero)
                {
                    RunExpiration = time + run.ToTimeSpan();
                }

                break;
            case HistoryEvent.AttributesOneofCase.WorkflowTaskScheduledEventAttributes:
                var scheduled = e.WorkflowTaskScheduledEventAttributes;
                WorkflowTask = new WorkflowTaskInfo
                {
                    ScheduledEventId = e.EventId,
                    ScheduledTime = time,
                    Attempt = scheduled.Attempt,
                    TaskQueue = scheduled.TaskQueue?.Name ?? TaskQueue,
                    Sticky = scheduled.TaskQueue?.Kind == TaskQueueKind.Sticky,
                };
                WorkflowTaskStamp++;
                break;
            case HistoryEvent.AttributesOneofCase.WorkflowTaskStartedEventAttributes:
                if (WorkflowTask is not null)
                {
                    WorkflowTask.StartedEventId = e.EventId;
                    WorkflowTask.StartedTime = time;
                    WorkflowTask.RequestId = e.WorkflowTaskStartedEventAttributes.RequestId;
                }

                WorkflowTaskStamp++;
                break;
            case HistoryEvent.AttributesOneofCase.WorkflowTaskCompletedEventAttributes:
                LastCompletedWorkflowTaskStartedEventId = e.WorkflowTaskCompletedEventAttributes.StartedEventId;
                WorkflowTask = null;
                WorkflowTaskAttempt = 1;
                WorkflowTaskStamp++;
                break;
            case HistoryEvent.AttributesOneofCase.WorkflowTaskFailedEventAttributes:
            case HistoryEvent.AttributesOneofCase.WorkflowTaskTimedOutEventAttributes:
                WorkflowTask = null;
                WorkflowTaskStamp++;
                break;
            case HistoryEvent.AttributesOneofCase.ActivityTaskScheduledEventAttributes:
                var activity = e.ActivityTaskScheduledEventAttributes;
                Activities[e.EventId] = new PendingActivity(e.EventId, activity, time);
                ActivityIds[activity.ActivityId] = e.EventId;
                break;
            case HistoryEvent.AttributesOneofCase.ActivityTaskCancelRequestedEventAttributes:
                if (Activities.TryGetValue(e.ActivityTaskCancelRequestedEventAttributes.ScheduledEventId, out var toCancel))
                {
                    toCancel.CancelRequestedEventId = e.EventId;
                }

                break;
            case HistoryEvent.AttributesOneofCase.ActivityTaskCompletedEventAttributes:
                RemoveActivity(e.ActivityTaskCompletedEventAttributes.ScheduledEventId);
                break;
            case HistoryEvent.AttributesOneofCase.ActivityTaskFailedEventAttributes:
                RemoveActivity(e.ActivityTaskFailedEventAttributes.ScheduledEventId);
                break;
            case HistoryEvent.AttributesOneofCase.ActivityTaskTimedOutEventAttributes:
                RemoveActivity(e.ActivityTaskTimedOutEventAttributes.ScheduledEventId);
                break;
            case HistoryEvent.AttributesOneofCase.ActivityTaskCanceledEventAttributes:
                RemoveActivity(e.ActivityTaskCanceledEventAttributes.ScheduledEventId);
                break;
            case HistoryEvent.AttributesOneofCase.TimerStartedEventAttributes:
                var timer = e.TimerStartedEventAttributes;
                Timers[timer.TimerId] = new PendingTimer(timer.TimerId, e.EventId, time + (timer.StartToFireTimeout?.ToTimeSpan() ?? TimeSpan.Zero));
                break;
            case HistoryEvent.AttributesOneofCase.TimerFiredEventAttributes:
                Timers.Remove(e.TimerFiredEventAttributes.TimerId);
                break;
            case HistoryEvent.AttributesOneofCase.TimerCanceledEventAttributes:
                Timers.Remove(e.TimerCanceledEventAttributes.TimerId);
                break;
            case HistoryEvent.AttributesOneofCase.StartChildWorkflowExecutionInitiatedEventAttributes:
                Children[e.EventId] = new PendingChild(e.EventId, e.StartChildWorkflowExecutionInitiatedEventAttributes);
                break;
            case HistoryEvent.AttributesOneofCase.ChildWorkflowExecutionStartedEventAttributes:
                var childStarted = e.ChildWorkflowExecutionStartedEventAttributes;
                if (Children.TryGetValue(childStarted.InitiatedEventId, out var child))
                {
                    child.StartedEventId = e.EventId;
                    child.RunId = childStarted.WorkflowExecution.RunId;
                }

                break;
            case HistoryEvent.AttributesOneofCase.StartChildWorkflowExecutionFailedEventAttributes:
                Children.Remove(e.StartChildWorkflowExecutionFailedEventAttributes.InitiatedEventId);
                break;
            case HistoryEvent.AttributesOneofCase.ChildWorkflowExecutionCompletedEventAttributes:
                Children.Remove(e.ChildWorkflowExecutionCompletedEventAttributes.InitiatedEventId);
                break;
            case HistoryEvent.AttributesOneofCase.ChildWorkflowExecutionFailedEventAttributes:
                Children.Remove(e.ChildWorkflowExecutionFailedEventAttributes.InitiatedEventId);
                break;
            case HistoryEvent.AttributesOneofCase.ChildWorkflowExecutionCanceledEventAttributes:
                Children.Remove(e.ChildWorkflowExecutionCanceledEventAttributes.InitiatedEventId);
                break;
            case HistoryEvent.AttributesOneofCase.ChildWorkflowExecutionTimedOutEventAttributes:
                Children.Remove(e.ChildWorkflowExecutionTimedOutEventAttributes.InitiatedEventId);
                break;
            case HistoryEvent.AttributesOneofCase.ChildWorkflowExecutionTerminatedEventAttributes:
                Children.Remove(e.ChildWorkflowExecutionTerminatedEventAttributes.InitiatedEventId);
                break;
            case HistoryEvent.AttributesOneofCase.SignalExternalWorkflowExecutionInitiatedEventAttributes:
            case HistoryEvent.AttributesOneofCase.RequestCancelExternalWorkflowExecutionInitiatedEventAttributes:
                PendingExternalRequests.Add(e.EventId);
                break;
            case HistoryEvent.AttributesOneofCase.ExternalWorkflowExecutionSignaledEventAttributes:
                PendingExternalRequests.Remove(e.ExternalWorkflowExecutionSignaledEventAttributes.InitiatedEventId);
                break;
            case HistoryEvent.AttributesOneofCase.SignalExternalWorkflowExecutionFailedEventAttributes:
                PendingExternalRequests.Remove(e.SignalExternalWorkflowExecutionFailedEventAttributes.InitiatedEventId);
                break;
            case HistoryEvent.AttributesOneofCase.ExternalWorkflowExecutionCancelRequestedEventAttributes:
                PendingExternalRequests.Remove(e.ExternalWorkflowExecutionCancelRequestedEventAttributes.InitiatedEventId);
                break;
            case HistoryEvent.AttributesOneofCase.RequestCancelExternalWorkflowExecutionFailedEventAttributes:
                PendingExternalRequests.Remove(e.RequestCancelExternalWorkflowExecutionFailedEventAttributes.InitiatedEventId);
                break;
            case HistoryEvent.AttributesOneofCase.WorkflowExecutionCancelRequestedEventAttributes:
                CancelRequested = true;
                break;
            case HistoryEvent.AttributesOneofCase.UpsertWorkflowSearchAttributesEventAttributes:
                foreach (var (name, value) in e.UpsertWorkflowSearchAttributesEventAttributes.SearchAttributes?.IndexedFields ?? [])
                {
                    SearchAttributes.IndexedFields[name] = value;
                }

                break;
            case HistoryEvent.AttributesOneofCase.WorkflowPropertiesModifiedEventAttributes:
                foreach (var (name, value) in e.WorkflowPropertiesModifiedEventAttributes.UpsertedMemo?.Fields ?? [])
                {
                    Memo.Fields[name] = value;
                }

                break;
            case HistoryEvent.AttributesOneofCase.WorkflowExecutionCompletedEventAttributes:
                Close(WorkflowExecutionStatus.Completed, time);
                break;
            case HistoryEvent.AttributesOneofCase.WorkflowExecutionFailedEventAttributes:
                Close(WorkflowExecutionStatus.Failed, time);
                break;
            case HistoryEvent.AttributesOneofCase.WorkflowExecutionCanceledEventAttributes:
                Close(WorkflowExecutionStatus.Canceled, time);
                break;
            case HistoryEvent.AttributesOneofCase.WorkflowExecutionTerminatedEventAttributes:
                Close(WorkflowExecutionStatus.Terminated, time);
                break;
            case HistoryEvent.AttributesOneofCase.WorkflowExecutionTimedOutEventAttributes:
                Close(WorkflowExecutionStatus.TimedOut, time);
                break;
            case HistoryEvent.AttributesOneofCase.WorkflowExecutionContinuedAsNewEventAttributes:
                ContinuedAsNewRunId = e.WorkflowExecutionContinuedAsNewEventAttributes.NewExecutionRunId;
                Close(WorkflowExecutionStatus.ContinuedAsNew, time);
                break;
            default:
                break;
        }
    }

    /// <summary>Records a cancel request whose event is still buffered.</summary>
    public void MarkCancelRequested() => CancelRequested = true;

    private void RemoveActivity(long scheduledEventId)
    {
        if (Activities.Remove(scheduledEventId, out var removed))
        {
            ActivityIds.Remove(removed.Attributes.ActivityId);
        }
    }

    private void Close(WorkflowExecutionStatus status, DateTimeOffset time)
    {
        Status = status;
        CloseTime = time;
        WorkflowTask = null;
        WorkflowTaskStamp++;
    }
}
