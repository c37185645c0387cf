using Temporalio.Api.Command.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.TaskQueue.V1;

namespace ReplayWorkflows.Temporal.Server.History;

internal sealed partial class HistoryEngine
{
    /// <summary>Turns one command into its events. Returns true when the workflow must get a new task for them.</summary>
    private bool ApplyCommand(MutableState run, Command command, long completedId)
    {
        switch (command.CommandType)
        {
            case CommandType.ScheduleActivityTask:
                ScheduleActivity(run, command.ScheduleActivityTaskCommandAttributes, completedId);
                return false;
            case CommandType.RequestCancelActivityTask:
                return RequestCancelActivity(run, command.RequestCancelActivityTaskCommandAttributes.ScheduledEventId, completedId);
            case CommandType.StartTimer:
                StartTimer(run, command.StartTimerCommandAttributes, completedId);
                return false;
            case CommandType.CancelTimer:
                return CancelTimer(run, command.CancelTimerCommandAttributes.TimerId, completedId);
            case CommandType.RecordMarker:
                var marker = command.RecordMarkerCommandAttributes;
                var markerEvent = NewEvent(EventType.MarkerRecorded);
                markerEvent.MarkerRecordedEventAttributes = new MarkerRecordedEventAttributes
                {
                    MarkerName = marker.MarkerName,
                    Header = marker.Header,
                    Failure = marker.Failure,
                    WorkflowTaskCompletedEventId = completedId,
                };
                markerEvent.MarkerRecordedEventAttributes.Details.Add(marker.Details);
                Append(run, markerEvent);
                return false;
            case CommandType.StartChildWorkflowExecution:
                InitiateChild(run, command.StartChildWorkflowExecutionCommandAttributes, completedId);
                return false;
            case CommandType.SignalExternalWorkflowExecution:
                SignalExternal(run, command.SignalExternalWorkflowExecutionCommandAttributes, completedId);
                return false;
            case CommandType.RequestCancelExternalWorkflowExecution:
                CancelExternal(run, command.RequestCancelExternalWorkflowExecutionCommandAttributes, completedId);
                return false;
            case CommandType.UpsertWorkflowSearchAttributes:
                var upsert = NewEvent(EventType.UpsertWorkflowSearchAttributes);
                upsert.UpsertWorkflowSearchAttributesEventAttributes = new UpsertWorkflowSearchAttributesEventAttributes
                {
                    SearchAttributes = command.UpsertWorkflowSearchAttributesCommandAttributes.SearchAttributes,
                    WorkflowTaskCompletedEventId = completedId,
                };
                Append(run, upsert);
                return false;
            case CommandType.ModifyWorkflowProperties:
                var modify = NewEvent(EventType.WorkflowPropertiesModified);
                modify.WorkflowPropertiesModifiedEventAttributes = new WorkflowPropertiesModifiedEventAttributes
                {
                    UpsertedMemo = command.ModifyWorkflowPropertiesCommandAttributes.UpsertedMemo,
                    WorkflowTaskCompletedEventId = completedId,
                };
                Append(run, modify);
                return false;
            case CommandType.CompleteWorkflowExecution:
                CompleteRun(run, command.CompleteWorkflowExecutionCommandAttributes.Result, completedId);
                return false;
            case CommandType.FailWorkflowExecution:
                FailRun(run, command.FailWorkflowExecutionCommandAttributes.Failure, completedId);
                return false;
            case CommandType.CancelWorkflowExecution:
                var cancel = NewEvent(EventType.WorkflowExecutionCanceled);
                cancel.WorkflowExecutionCanceledEventAttributes = new WorkflowExecutionCanceledEventAttributes
                {
                    Details = command.CancelWorkflowExecutionCommandAttributes.Details,
                    WorkflowTaskCompletedEventId = completedId,
                };
                Append(run, cancel);
                OnClosed(run);
                return false;
            case CommandType.ContinueAsNewWorkflowExecution:
                ContinueAsNew(run, command.ContinueAsNewWorkflowExecutionCommandAttributes, completedId);
                return false;
            default:
                return false;
        }
    }

    private void StartTimer(MutableState run, StartTimerCommandAttributes a, long completedId)
    {
        var e = NewEvent(EventType.TimerStarted);
        e.TimerStartedEventAttributes = new TimerStartedEventAttributes
        {
            TimerId = a.TimerId,
            StartToFireTimeout = a.StartToFireTimeout,
            WorkflowTaskCompletedEventId = completedId,
        };
        Append(run, e);
        ArmUserTimer(run, run.Timers[a.TimerId]);
    }

    private void ArmUserTimer(MutableState run, PendingTimer timer)
    {
        var key = run.Key;
        After(() => timers.Schedule(timer.FireTime, () => Mutate(() =>
        {
            if (runs.GetValueOrDefault(key) is not { IsRunning: true } fired
                || !fired.Timers.TryGetValue(timer.TimerId, out var pending) || pending.StartedEventId != timer.StartedEventId)
            {
                return;
            }

            // Remove it now so a CancelTimer racing with the buffered fire is refused rather than doubled.
            fired.Timers.Remove(timer.TimerId);
            var e = NewEvent(EventType.TimerFired);
            e.TimerFiredEventAttributes = new TimerFiredEventAttributes { TimerId = timer.TimerId, StartedEventId = timer.StartedEventId };
            AddExternal(fired, e);
        })));
    }

    private bool CancelTimer(MutableState run, string timerId, long completedId)
    {
        if (!run.Timers.TryGetValue(timerId, out var timer))
        {
            // Already fired (the fire event is buffered): nothing to cancel.
            return false;
        }

        var e = NewEvent(EventType.TimerCanceled);
        e.TimerCanceledEventAttributes = new TimerCanceledEventAttributes
        {
            TimerId = timerId,
            StartedEventId = timer.StartedEventId,
            WorkflowTaskCompletedEventId = completedId,
        };
        Append(run, e);
        return false;
    }

    private void ContinueAsNew(MutableState run, ContinueAsNewWorkflowExecutionCommandAttributes a, long completedId)
    {
        var newRunId = Guid.NewGuid().ToString();
        var taskQueue = string.IsNullOrEmpty(a.TaskQueue?.Name) ? run.TaskQueue : a.TaskQueue.Name;
        var runTimeout = a.WorkflowRunTimeout ?? run.Started.WorkflowRunTimeout;
        var taskTimeout = a.WorkflowTaskTimeout ?? run.Started.WorkflowTaskTimeout;
        var e = NewEvent(EventType.WorkflowExecutionContinuedAsNew);
        e.WorkflowExecutionContinuedAsNewEventAttributes = new WorkflowExecutionContinuedAsNewEventAttributes
        {
            NewExecutionRunId = newRunId,
            WorkflowType = a.WorkflowType,
            TaskQueue = new TaskQueue { Name = taskQueue, Kind = TaskQueueKind.Normal },
            Input = a.Input,
            WorkflowRunTimeout = runTimeout,
            WorkflowTaskTimeout = taskTimeout,
            WorkflowTaskCompletedEventId = completedId,
            BackoffStartInterval = a.BackoffStartInterval,
            Initiator = a.Initiator == ContinueAsNewInitiator.Unspecified ? ContinueAsNewInitiator.Workflow : a.Initiator,
#pragma warning disable CS0612 // Still written by servers for SDKs that read it.
            Failure = a.Failure,
#pragma warning restore CS0612
            LastCompletionResult = a.LastCompletionResult,
            Header = a.Header,
            Memo = a.Memo,
            SearchAttributes = a.SearchAttributes,
        };
        Append(run, e);
        // The new run keeps what the chain shares (parent, first run, execution deadline, policies); the command
        // replaces what a run chooses for itself.
        var attributes = NextRunAttributes(run, ContinueAsNewInitiator.Workflow);
        attributes.WorkflowType = a.WorkflowType;
        attributes.TaskQueue = new TaskQueue { Name = taskQueue, Kind = TaskQueueKind.Normal };
        attributes.Input = a.Input;
        attributes.WorkflowRunTimeout = runTimeout;
        attributes.WorkflowTaskTimeout = taskTimeout;
        attributes.ContinuedFailure = a.Failure;
        attributes.LastCompletionResult = a.LastCompletionResult;
        attributes.Header = a.Header;
        attributes.RetryPolicy = a.RetryPolicy ?? attributes.RetryPolicy;
        attributes.CronSchedule = a.CronSchedule.Length > 0 ? a.CronSchedule : attributes.CronSchedule;
        attributes.Memo = a.Memo ?? attributes.Memo;
        attributes.SearchAttributes = a.SearchAttributes ?? attributes.SearchAttributes;
        CreateRunWithId(run.Key.Namespace, newRunId, attributes, a.BackoffStartInterval?.ToTimeSpan() ?? TimeSpan.Zero);
        OnClosed(run, continuedAsNew: true);
    }

    private MutableState CreateRunWithId(string ns, string runId, WorkflowExecutionStartedEventAttributes attributes, TimeSpan delay)
    {
        pendingRunId = runId;
        try
        {
            return CreateRun(ns, attributes, Guid.NewGuid().ToString(), delay, null);
        }
        finally
        {
            pendingRunId = null;
        }
    }

    /// <summary>A run id chosen before the run exists (continue-as-new names it in the closing event).</summary>
    private string? pendingRunId;
}
