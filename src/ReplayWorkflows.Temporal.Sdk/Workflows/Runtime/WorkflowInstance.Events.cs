using System.Reflection;
using Microsoft.Extensions.Logging;
using Temporalio.Api.Command.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;
using Temporalio.Exceptions;

namespace Temporalio.Workflows.Runtime;

/// <summary>History events: command events are matched, the rest become jobs of the next activation.</summary>
internal sealed partial class WorkflowInstance
{
    private void ApplyEvent(HistoryEvent e)
    {
        switch (e.EventType)
        {
            case EventType.WorkflowExecutionStarted:
                jobs.Add(new StartWorkflowJob(e.WorkflowExecutionStartedEventAttributes, e.EventTime.ToDateTime(), e.WorkflowExecutionStartedEventAttributes.OriginalExecutionRunId));
                break;
            case EventType.WorkflowExecutionSignaled:
                jobs.Add(new SignalWorkflowJob(e.WorkflowExecutionSignaledEventAttributes.SignalName, e.WorkflowExecutionSignaledEventAttributes.Input));
                break;
            case EventType.WorkflowExecutionCancelRequested:
                jobs.Add(new CancelWorkflowJob(e.WorkflowExecutionCancelRequestedEventAttributes.Cause));
                break;
            case EventType.TimerFired:
                jobs.Add(new FireTimerJob(int.Parse(e.TimerFiredEventAttributes.TimerId, System.Globalization.CultureInfo.InvariantCulture)));
                break;
            case EventType.ActivityTaskCompleted:
                ResolveActivity(e.ActivityTaskCompletedEventAttributes.ScheduledEventId, e.ActivityTaskCompletedEventAttributes.Result, null);
                break;
            case EventType.ActivityTaskFailed:
                ResolveActivity(e.ActivityTaskFailedEventAttributes.ScheduledEventId, null, e.ActivityTaskFailedEventAttributes.Failure,
                    e.ActivityTaskFailedEventAttributes.RetryState, e.ActivityTaskFailedEventAttributes.StartedEventId, e.ActivityTaskFailedEventAttributes.Identity);
                break;
            case EventType.ActivityTaskTimedOut:
                ResolveActivity(e.ActivityTaskTimedOutEventAttributes.ScheduledEventId, null, e.ActivityTaskTimedOutEventAttributes.Failure,
                    e.ActivityTaskTimedOutEventAttributes.RetryState, e.ActivityTaskTimedOutEventAttributes.StartedEventId, string.Empty);
                break;
            case EventType.ActivityTaskCanceled:
                var canceled = e.ActivityTaskCanceledEventAttributes;
                ResolveActivity(canceled.ScheduledEventId, null, new Failure
                {
                    Message = "Activity cancelled",
                    CanceledFailureInfo = new CanceledFailureInfo { Details = canceled.Details },
                }, RetryState.CancelRequested, canceled.StartedEventId, canceled.Identity);
                break;
            case EventType.ChildWorkflowExecutionStarted:
                if (childByInitiatedEvent.TryGetValue(e.ChildWorkflowExecutionStartedEventAttributes.InitiatedEventId, out var startedSeq))
                {
                    jobs.Add(new ResolveChildStartJob(startedSeq, e.ChildWorkflowExecutionStartedEventAttributes.WorkflowExecution.RunId, null));
                }

                break;
            case EventType.StartChildWorkflowExecutionFailed:
                var startFailed = e.StartChildWorkflowExecutionFailedEventAttributes;
                if (childByInitiatedEvent.TryGetValue(startFailed.InitiatedEventId, out var failedSeq))
                {
                    jobs.Add(new ResolveChildStartJob(failedSeq, null, startFailed.Cause == StartChildWorkflowExecutionFailedCause.WorkflowAlreadyExists
                        ? $"Workflow execution already started: {startFailed.WorkflowId}"
                        : $"Child workflow {startFailed.WorkflowId} could not start: {startFailed.Cause}"));
                }

                break;
            case EventType.ChildWorkflowExecutionCompleted:
                ResolveChild(e.ChildWorkflowExecutionCompletedEventAttributes.InitiatedEventId, e.ChildWorkflowExecutionCompletedEventAttributes.Result, null, RetryState.Unspecified);
                break;
            case EventType.ChildWorkflowExecutionFailed:
                ResolveChild(e.ChildWorkflowExecutionFailedEventAttributes.InitiatedEventId, null, e.ChildWorkflowExecutionFailedEventAttributes.Failure, e.ChildWorkflowExecutionFailedEventAttributes.RetryState);
                break;
            case EventType.ChildWorkflowExecutionCanceled:
                ResolveChild(e.ChildWorkflowExecutionCanceledEventAttributes.InitiatedEventId, null,
                    new Failure { Message = "Child workflow cancelled", CanceledFailureInfo = new CanceledFailureInfo { Details = e.ChildWorkflowExecutionCanceledEventAttributes.Details } },
                    RetryState.CancelRequested);
                break;
            case EventType.ChildWorkflowExecutionTerminated:
                ResolveChild(e.ChildWorkflowExecutionTerminatedEventAttributes.InitiatedEventId, null,
                    new Failure { Message = "Child workflow terminated", TerminatedFailureInfo = new TerminatedFailureInfo() }, RetryState.NonRetryableFailure);
                break;
            case EventType.ChildWorkflowExecutionTimedOut:
                ResolveChild(e.ChildWorkflowExecutionTimedOutEventAttributes.InitiatedEventId, null,
                    new Failure { Message = "Child workflow timed out", TimeoutFailureInfo = new TimeoutFailureInfo { TimeoutType = TimeoutType.StartToClose } },
                    e.ChildWorkflowExecutionTimedOutEventAttributes.RetryState);
                break;
            case EventType.ExternalWorkflowExecutionSignaled:
                ResolveExternal(e.ExternalWorkflowExecutionSignaledEventAttributes.InitiatedEventId, null);
                break;
            case EventType.SignalExternalWorkflowExecutionFailed:
                ResolveExternal(e.SignalExternalWorkflowExecutionFailedEventAttributes.InitiatedEventId, new Failure
                {
                    Message = $"Unable to signal external workflow because it was not found: {e.SignalExternalWorkflowExecutionFailedEventAttributes.WorkflowExecution.WorkflowId}",
                    ApplicationFailureInfo = new ApplicationFailureInfo { Type = "SignalExternalWorkflowExecutionFailed" },
                });
                break;
            case EventType.ExternalWorkflowExecutionCancelRequested:
                ResolveExternal(e.ExternalWorkflowExecutionCancelRequestedEventAttributes.InitiatedEventId, null);
                break;
            case EventType.RequestCancelExternalWorkflowExecutionFailed:
                ResolveExternal(e.RequestCancelExternalWorkflowExecutionFailedEventAttributes.InitiatedEventId, new Failure
                {
                    Message = $"Unable to cancel external workflow because it was not found: {e.RequestCancelExternalWorkflowExecutionFailedEventAttributes.WorkflowExecution.WorkflowId}",
                    ApplicationFailureInfo = new ApplicationFailureInfo { Type = "RequestCancelExternalWorkflowExecutionFailed" },
                });
                break;
            case EventType.ActivityTaskScheduled:
            case EventType.ActivityTaskCancelRequested:
            case EventType.TimerStarted:
            case EventType.TimerCanceled:
            case EventType.StartChildWorkflowExecutionInitiated:
            case EventType.SignalExternalWorkflowExecutionInitiated:
            case EventType.RequestCancelExternalWorkflowExecutionInitiated:
            case EventType.MarkerRecorded:
            case EventType.UpsertWorkflowSearchAttributes:
            case EventType.WorkflowPropertiesModified:
            case EventType.WorkflowExecutionCompleted:
            case EventType.WorkflowExecutionFailed:
            case EventType.WorkflowExecutionCanceled:
            case EventType.WorkflowExecutionContinuedAsNew:
                MatchCommandEvent(e);
                break;
            default:
                // Task bookkeeping (scheduled, started, completed, failed, timed out) and events with no effect on code.
                break;
        }
    }

    private void MatchCommandEvent(HistoryEvent e)
    {
        // On replay no command stands for a local activity: its marker resolves the call instead.
        if (e.EventType == EventType.MarkerRecorded && e.MarkerRecordedEventAttributes.MarkerName == LocalActivityMarkerName
            && !(awaitingEvents.TryPeek(out var head) && head.Kind == CommandKind.Marker && head.Command.RecordMarkerCommandAttributes.MarkerName == LocalActivityMarkerName)
            && TryResolveLocalActivityFromMarker(e))
        {
            return;
        }

        // A patch marker that code no longer asks for (deprecated and removed) is allowed to stand alone.
        while (true)
        {
            if (awaitingEvents.Count == 0)
            {
                if (e.EventType == EventType.MarkerRecorded && e.MarkerRecordedEventAttributes.MarkerName == PatchMarkerName)
                {
                    return;
                }

                throw new WorkflowNondeterminismException(
                    $"Nondeterminism: history has {e.EventType} (event {e.EventId}) but workflow code produced no matching command");
            }

            var expected = awaitingEvents.Peek();
            if (Matches(expected, e))
            {
                awaitingEvents.Dequeue();
                Bind(expected, e);
                return;
            }

            if (e.EventType == EventType.MarkerRecorded && e.MarkerRecordedEventAttributes.MarkerName == PatchMarkerName)
            {
                return;
            }

            throw new WorkflowNondeterminismException(
                $"Nondeterminism: workflow produced {expected.Command.CommandType} ({expected.Describe()}) but history has {e.EventType} (event {e.EventId})");
        }
    }

    private static bool Matches(PendingCommand expected, HistoryEvent e)
    {
        var c = expected.Command;
        return (c.CommandType, e.EventType) switch
        {
            (CommandType.ScheduleActivityTask, EventType.ActivityTaskScheduled) =>
                c.ScheduleActivityTaskCommandAttributes.ActivityId == e.ActivityTaskScheduledEventAttributes.ActivityId &&
                c.ScheduleActivityTaskCommandAttributes.ActivityType.Name == e.ActivityTaskScheduledEventAttributes.ActivityType.Name,
            (CommandType.RequestCancelActivityTask, EventType.ActivityTaskCancelRequested) =>
                c.RequestCancelActivityTaskCommandAttributes.ScheduledEventId == e.ActivityTaskCancelRequestedEventAttributes.ScheduledEventId,
            (CommandType.StartTimer, EventType.TimerStarted) => c.StartTimerCommandAttributes.TimerId == e.TimerStartedEventAttributes.TimerId,
            (CommandType.CancelTimer, EventType.TimerCanceled) => c.CancelTimerCommandAttributes.TimerId == e.TimerCanceledEventAttributes.TimerId,
            (CommandType.StartChildWorkflowExecution, EventType.StartChildWorkflowExecutionInitiated) =>
                c.StartChildWorkflowExecutionCommandAttributes.WorkflowId == e.StartChildWorkflowExecutionInitiatedEventAttributes.WorkflowId &&
                c.StartChildWorkflowExecutionCommandAttributes.WorkflowType.Name == e.StartChildWorkflowExecutionInitiatedEventAttributes.WorkflowType.Name,
            (CommandType.SignalExternalWorkflowExecution, EventType.SignalExternalWorkflowExecutionInitiated) =>
                c.SignalExternalWorkflowExecutionCommandAttributes.Execution.WorkflowId == e.SignalExternalWorkflowExecutionInitiatedEventAttributes.WorkflowExecution.WorkflowId &&
                c.SignalExternalWorkflowExecutionCommandAttributes.SignalName == e.SignalExternalWorkflowExecutionInitiatedEventAttributes.SignalName,
            (CommandType.RequestCancelExternalWorkflowExecution, EventType.RequestCancelExternalWorkflowExecutionInitiated) =>
                c.RequestCancelExternalWorkflowExecutionCommandAttributes.WorkflowId == e.RequestCancelExternalWorkflowExecutionInitiatedEventAttributes.WorkflowExecution.WorkflowId,
            (CommandType.RecordMarker, EventType.MarkerRecorded) => c.RecordMarkerCommandAttributes.MarkerName == e.MarkerRecordedEventAttributes.MarkerName,
            (CommandType.UpsertWorkflowSearchAttributes, EventType.UpsertWorkflowSearchAttributes) => true,
            (CommandType.ModifyWorkflowProperties, EventType.WorkflowPropertiesModified) => true,
            (CommandType.CompleteWorkflowExecution, EventType.WorkflowExecutionCompleted) => true,
            (CommandType.FailWorkflowExecution, EventType.WorkflowExecutionFailed) => true,
            (CommandType.CancelWorkflowExecution, EventType.WorkflowExecutionCanceled) => true,
            (CommandType.ContinueAsNewWorkflowExecution, EventType.WorkflowExecutionContinuedAsNew) => true,
            _ => false,
        };
    }

    private void Bind(PendingCommand command, HistoryEvent e)
    {
        switch (command.Kind)
        {
            case CommandKind.Activity when activities.TryGetValue(command.Seq, out var activity):
                activity.ScheduledEventId = e.EventId;
                activityByScheduledEvent[e.EventId] = command.Seq;
                break;
            case CommandKind.Child when children.TryGetValue(command.Seq, out var child):
                child.InitiatedEventId = e.EventId;
                childByInitiatedEvent[e.EventId] = command.Seq;
                break;
            case CommandKind.SignalExternal or CommandKind.CancelExternal:
                externalByInitiatedEvent[e.EventId] = command.Seq;
                break;
            case CommandKind.Timer when timers.TryGetValue(command.Seq, out var timer):
                timer.Started = true;
                break;
        }
    }

    private void ResolveActivity(long scheduledEventId, Api.Common.V1.Payloads? result, Failure? failure,
        RetryState retryState = RetryState.Unspecified, long startedEventId = 0, string identity = "")
    {
        if (!activityByScheduledEvent.TryGetValue(scheduledEventId, out var seq) || !activities.TryGetValue(seq, out var activity))
        {
            return;
        }

        if (failure is not null)
        {
            failure = new Failure
            {
                Message = "Activity task failed",
                Cause = failure,
                ActivityFailureInfo = new ActivityFailureInfo
                {
                    ScheduledEventId = scheduledEventId,
                    StartedEventId = startedEventId,
                    Identity = identity,
                    ActivityType = new Api.Common.V1.ActivityType { Name = activity.ActivityType },
                    ActivityId = activity.ActivityId,
                    RetryState = retryState,
                },
            };
        }

        jobs.Add(new ResolveActivityJob(seq, result, failure));
    }

    private void ResolveChild(long initiatedEventId, Api.Common.V1.Payloads? result, Failure? failure, RetryState retryState)
    {
        if (!childByInitiatedEvent.TryGetValue(initiatedEventId, out var seq) || !children.TryGetValue(seq, out var child))
        {
            return;
        }

        if (failure is not null)
        {
            failure = new Failure
            {
                Message = "Child Workflow execution failed",
                Cause = failure,
                ChildWorkflowExecutionFailureInfo = new ChildWorkflowExecutionFailureInfo
                {
                    Namespace = Namespace,
                    WorkflowExecution = new Api.Common.V1.WorkflowExecution { WorkflowId = child.WorkflowId, RunId = child.RunId ?? string.Empty },
                    WorkflowType = new Api.Common.V1.WorkflowType { Name = child.WorkflowType },
                    InitiatedEventId = initiatedEventId,
                    RetryState = retryState,
                },
            };
        }

        jobs.Add(new ResolveChildJob(seq, result, failure));
    }

    private void ResolveExternal(long initiatedEventId, Failure? failure)
    {
        if (externalByInitiatedEvent.TryGetValue(initiatedEventId, out var seq))
        {
            jobs.Add(new ResolveExternalJob(seq, failure));
        }
    }

    private void ApplyJob(WorkflowJob job)
    {
        switch (job)
        {
            case StartWorkflowJob start:
                Start(start);
                foreach (var (name, inputs) in bufferedSignals.ToList())
                {
                    if (Definition.Signals.ContainsKey(name))
                    {
                        bufferedSignals.Remove(name);
                        inputs.ForEach(input => DeliverSignal(name, input));
                    }
                }

                break;
            case SignalWorkflowJob signal:
                DeliverSignal(signal.Name, signal.Input);
                break;
            case CancelWorkflowJob:
                cancellation.Cancel();
                break;
            case FireTimerJob fire when timers.Remove(fire.Seq, out var timer):
                timer.Fired.TrySetResult(null);
                break;
            case ResolveActivityJob resolve when activities.Remove(resolve.Seq, out var activity):
                if (!activity.Resolved)
                {
                    if (resolve.Failure is null)
                    {
                        activity.Result.TrySetResult(DecodeValue(resolve.Result, activity.ResultType));
                    }
                    else
                    {
                        activity.Result.TrySetException(ToException(resolve.Failure));
                    }
                }

                break;
            case ResolveChildStartJob started when children.TryGetValue(started.Seq, out var child):
                if (started.RunId is not null)
                {
                    child.RunId = started.RunId;
                    child.Started.TrySetResult(started.RunId);
                }
                else
                {
                    children.Remove(started.Seq);
                    child.Started.TrySetException(new WorkflowAlreadyStartedException(started.FailureMessage!, child.WorkflowId, child.WorkflowType, string.Empty));
                }

                break;
            case ResolveChildJob resolved when children.Remove(resolved.Seq, out var finished):
                if (resolved.Failure is null)
                {
                    finished.Result.TrySetResult(DecodeValue(resolved.Result, finished.ResultType));
                }
                else
                {
                    finished.Result.TrySetException(ToException(resolved.Failure));
                }

                break;
            case ResolveExternalJob external when externals.Remove(external.Seq, out var done):
                if (external.Failure is null)
                {
                    done.TrySetResult(null);
                }
                else
                {
                    done.TrySetException(ToException(external.Failure));
                }

                break;
        }
    }

    private void Start(StartWorkflowJob start)
    {
        var a = start.Attributes;
        Info = new WorkflowInfo(
            Attempt: Math.Max(1, a.Attempt),
            ContinuedRunId: a.ContinuedExecutionRunId.Length > 0 ? a.ContinuedExecutionRunId : null,
            CronSchedule: a.CronSchedule.Length > 0 ? a.CronSchedule : null,
            ExecutionTimeout: a.WorkflowExecutionTimeout?.ToTimeSpan() is { Ticks: > 0 } et ? et : null,
            FirstExecutionRunId: a.FirstExecutionRunId.Length > 0 ? a.FirstExecutionRunId : start.RunId,
            Headers: a.Header?.Fields.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal) ?? [],
            LastFailure: a.ContinuedFailure is { } continued ? ToException(continued) : null,
            LastResult: a.LastCompletionResult?.Payloads_.Select(Converters.IRawValue (p) => new Converters.RawValue(p)).ToList(),
            Namespace: Namespace,
            Parent: a.ParentWorkflowExecution is { } parent ? new WorkflowInfo.ParentInfo(a.ParentWorkflowNamespace, parent.RunId, parent.WorkflowId) : null,
            Priority: Common.Priority.FromProto(a.Priority),
            RetryPolicy: a.RetryPolicy is { } rp ? Common.RetryPolicy.FromProto(rp) : null,
            Root: a.RootWorkflowExecution is { } root ? new WorkflowInfo.RootInfo(root.RunId, root.WorkflowId) : null,
            RunId: start.RunId,
            RunTimeout: a.WorkflowRunTimeout?.ToTimeSpan() is { Ticks: > 0 } rt ? rt : null,
            StartTime: start.StartTime,
            TaskQueue: a.TaskQueue.Name,
            TaskTimeout: a.WorkflowTaskTimeout?.ToTimeSpan() ?? TimeSpan.FromSeconds(10),
            WorkflowId: WorkflowIdOf(a),
            WorkflowStartTime: start.StartTime,
            WorkflowType: a.WorkflowType.Name);
        Random = new Common.DeterministicRandom(unchecked((uint)StableSeed(start.RunId)));
        Memo = a.Memo?.Fields.ToDictionary(kv => kv.Key, Converters.IRawValue (kv) => new Converters.RawValue(kv.Value)) ?? [];
        TypedSearchAttributes = Common.SearchAttributeCollection.FromProto(a.SearchAttributes);
        var args = DecodeArgs(Definition.RunMethod, a.Input);
        workflow = Definition.InitConstructor is { } init ? init.Invoke(args) : Activator.CreateInstance(Definition.Type)!;

        startArgs = args;
    }

    /// <summary>Queues the run method after the activation's signals, so handlers see signal-with-start input first.</summary>
    private void StartRunIfNeeded()
    {
        if (runTask is not null || workflow is null)
        {
            return;
        }

        var args = startArgs!;
        runTask = StartOnScheduler<object?>(async () =>
        {
            var task = (Task)Definition.RunMethod.Invoke(workflow, args)!;
            await task;
            return Definition.ResultType is null ? null : task.GetType().GetProperty("Result")!.GetValue(task);
        });
        runTask.ContinueWith(t => OnRunCompleted(t), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, this);
    }

    private object?[]? startArgs;

    // The workflow id is not on the started event; it is carried by the task and set by the worker.
    internal string WorkflowId { get; set; } = string.Empty;

    private string WorkflowIdOf(Api.History.V1.WorkflowExecutionStartedEventAttributes attributes)
    {
        _ = attributes;
        return WorkflowId;
    }

    private static int StableSeed(string runId)
    {
        // FNV-1a over the run id: the same seed in every process, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in runId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }

    private void DeliverSignal(string name, Api.Common.V1.Payloads? input)
    {
        if (workflow is null || !Definition.Signals.TryGetValue(name, out var method))
        {
            // No handler yet: buffered in arrival order and delivered when one exists.
            if (!bufferedSignals.TryGetValue(name, out var list))
            {
                bufferedSignals[name] = list = [];
            }

            list.Add(input);
            return;
        }

        object?[] args;
        try
        {
            args = DecodeArgs(method, input);
        }
        catch (InvalidOperationException ex)
        {
            logger.LogWarning(ex, "Dropping signal {Signal}: its arguments cannot be read", name);
            return;
        }

        var handler = StartOnScheduler<object?>(async () =>
        {
            if (method.Invoke(workflow, args) is Task task)
            {
                await task;
            }

            return null;
        });
        handler.ContinueWith(t =>
        {
            if (t.Exception?.InnerException is { } ex)
            {
                CompleteWithException(ex);
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, this);
    }

    private void OnRunCompleted(Task<object?> task)
    {
        if (closeCommand is not null)
        {
            return;
        }

        if (task.IsCompletedSuccessfully)
        {
            var attributes = new CompleteWorkflowExecutionCommandAttributes();
            if (Definition.ResultType is not null)
            {
                attributes.Result = EncodeValues([task.Result]);
            }

            closeCommand = new Command { CommandType = CommandType.CompleteWorkflowExecution, CompleteWorkflowExecutionCommandAttributes = attributes };
            return;
        }

        var error = task.Exception?.InnerException ?? new TaskCanceledException(task);
        CompleteWithException(error);
    }

    private void CompleteWithException(Exception error)
    {
        if (closeCommand is not null)
        {
            return;
        }

        if (error is TargetInvocationException { InnerException: { } inner })
        {
            error = inner;
        }

        switch (error)
        {
            case ContinueAsNewException can:
                closeCommand = ContinueAsNewCommand(can);
                return;
            case var _ when cancellation.IsCancellationRequested && TemporalException.IsCanceledException(error):
                closeCommand = new Command { CommandType = CommandType.CancelWorkflowExecution, CancelWorkflowExecutionCommandAttributes = new CancelWorkflowExecutionCommandAttributes() };
                return;
            case FailureException or OperationCanceledException:
            case var _ when FailureExceptionTypes.Any(t => t.IsInstanceOfType(error)):
                closeCommand = new Command
                {
                    CommandType = CommandType.FailWorkflowExecution,
                    FailWorkflowExecutionCommandAttributes = new FailWorkflowExecutionCommandAttributes
                    {
                        Failure = Converter.FailureConverter.ToFailure(error, Converter.PayloadConverter),
                    },
                };
                return;
            default:
                // Anything else is a bug in workflow code: fail the task (the server retries it) rather than the workflow.
                taskFailure ??= error;
                return;
        }
    }

    private Command ContinueAsNewCommand(ContinueAsNewException can)
    {
        var attributes = new ContinueAsNewWorkflowExecutionCommandAttributes
        {
            WorkflowType = new Api.Common.V1.WorkflowType { Name = can.Workflow },
            TaskQueue = new Api.TaskQueue.V1.TaskQueue { Name = can.Options?.TaskQueue ?? Info!.TaskQueue },
            Input = EncodeValues(can.Args),
        };
        if ((can.Options?.RunTimeout ?? Info!.RunTimeout) is { } runTimeout)
        {
            attributes.WorkflowRunTimeout = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(runTimeout);
        }

        attributes.WorkflowTaskTimeout = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(can.Options?.TaskTimeout ?? Info!.TaskTimeout);
        if (can.Options?.RetryPolicy is { } retry)
        {
            attributes.RetryPolicy = retry.ToProto();
        }

        if (can.Options?.Memo is { } memo)
        {
            attributes.Memo = new Api.Common.V1.Memo();
            foreach (var (key, value) in memo)
            {
                attributes.Memo.Fields[key] = Converter.PayloadConverter.ToPayload(value);
            }
        }

        if (can.Options?.TypedSearchAttributes is { } sa)
        {
            attributes.SearchAttributes = sa.ToProto();
        }

        return new Command { CommandType = CommandType.ContinueAsNewWorkflowExecution, ContinueAsNewWorkflowExecutionCommandAttributes = attributes };
    }
}
