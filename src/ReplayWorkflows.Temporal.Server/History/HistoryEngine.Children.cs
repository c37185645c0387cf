using ReplayWorkflows.Temporal.Api.Grpc;
using Temporalio.Api.Command.V1;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.TaskQueue.V1;

namespace ReplayWorkflows.Temporal.Server.History;

internal sealed partial class HistoryEngine
{
    /// <summary>Work on other runs that a workflow task's commands trigger; runs in the same transaction, after them.</summary>
    private readonly List<Action> deferred = [];

    private void RunDeferred()
    {
        while (deferred.Count > 0)
        {
            var next = deferred[0];
            deferred.RemoveAt(0);
            next();
        }
    }

    private void InitiateChild(MutableState run, StartChildWorkflowExecutionCommandAttributes a, long completedId)
    {
        var e = NewEvent(EventType.StartChildWorkflowExecutionInitiated);
        e.StartChildWorkflowExecutionInitiatedEventAttributes = new StartChildWorkflowExecutionInitiatedEventAttributes
        {
            Namespace = run.Key.Namespace,
            WorkflowId = a.WorkflowId,
            WorkflowType = a.WorkflowType,
            TaskQueue = new TaskQueue { Name = string.IsNullOrEmpty(a.TaskQueue?.Name) ? run.TaskQueue : a.TaskQueue.Name, Kind = TaskQueueKind.Normal },
            Input = a.Input,
            WorkflowExecutionTimeout = a.WorkflowExecutionTimeout,
            WorkflowRunTimeout = a.WorkflowRunTimeout,
            WorkflowTaskTimeout = a.WorkflowTaskTimeout,
            ParentClosePolicy = a.ParentClosePolicy == ParentClosePolicy.Unspecified ? ParentClosePolicy.Terminate : a.ParentClosePolicy,
            WorkflowTaskCompletedEventId = completedId,
            WorkflowIdReusePolicy = a.WorkflowIdReusePolicy,
            RetryPolicy = a.RetryPolicy,
            CronSchedule = a.CronSchedule,
            Header = a.Header,
            Memo = a.Memo,
            SearchAttributes = a.SearchAttributes,
            Priority = a.Priority,
        };
        Append(run, e);
        var parentKey = run.Key;
        var initiatedId = e.EventId;
        deferred.Add(() => StartChild(parentKey, initiatedId));
    }

    private void StartChild(ExecutionKey parentKey, long initiatedId)
    {
        if (runs.GetValueOrDefault(parentKey) is not { IsRunning: true } parent || !parent.Children.TryGetValue(initiatedId, out var child))
        {
            return;
        }

        var a = child.Attributes;
        try
        {
            if (ResolveConflict(a.Namespace, a.WorkflowId, null, a.WorkflowIdReusePolicy, WorkflowIdConflictPolicy.Fail, parentKey.WorkflowId) is not null)
            {
                throw new GrpcException(GrpcStatusCode.AlreadyExists, "workflow already exists");
            }
        }
        catch (GrpcException ex) when (ex.StatusCode == GrpcStatusCode.AlreadyExists)
        {
            var failed = NewEvent(EventType.StartChildWorkflowExecutionFailed);
            failed.StartChildWorkflowExecutionFailedEventAttributes = new StartChildWorkflowExecutionFailedEventAttributes
            {
                Namespace = a.Namespace,
                WorkflowId = a.WorkflowId,
                WorkflowType = a.WorkflowType,
                Cause = StartChildWorkflowExecutionFailedCause.WorkflowAlreadyExists,
                InitiatedEventId = initiatedId,
                WorkflowTaskCompletedEventId = a.WorkflowTaskCompletedEventId,
            };
            AddExternal(parent, failed);
            return;
        }

        var attributes = new Temporalio.Api.History.V1.WorkflowExecutionStartedEventAttributes
        {
            WorkflowId = a.WorkflowId,
            WorkflowType = a.WorkflowType,
            TaskQueue = a.TaskQueue,
            Input = a.Input,
            WorkflowExecutionTimeout = a.WorkflowExecutionTimeout,
            WorkflowRunTimeout = a.WorkflowRunTimeout,
            WorkflowTaskTimeout = a.WorkflowTaskTimeout,
            ParentWorkflowNamespace = parentKey.Namespace,
            ParentWorkflowExecution = new WorkflowExecution { WorkflowId = parentKey.WorkflowId, RunId = parentKey.RunId },
            ParentInitiatedEventId = initiatedId,
            Memo = a.Memo,
            SearchAttributes = a.SearchAttributes,
            Header = a.Header,
            RetryPolicy = a.RetryPolicy,
            CronSchedule = a.CronSchedule,
            Priority = a.Priority,
            // A child's root is its parent's root, or the parent itself when the parent has none.
            RootWorkflowExecution = parent.Started.RootWorkflowExecution
                ?? new WorkflowExecution { WorkflowId = parentKey.WorkflowId, RunId = parentKey.RunId },
        };
        var childRun = CreateRun(a.Namespace, attributes, Guid.NewGuid().ToString(), FirstCronBackoff(a.CronSchedule), null);
        var started = NewEvent(EventType.ChildWorkflowExecutionStarted);
        started.ChildWorkflowExecutionStartedEventAttributes = new ChildWorkflowExecutionStartedEventAttributes
        {
            Namespace = a.Namespace,
            InitiatedEventId = initiatedId,
            WorkflowExecution = new WorkflowExecution { WorkflowId = a.WorkflowId, RunId = childRun.Key.RunId },
            WorkflowType = a.WorkflowType,
            Header = a.Header,
        };
        AddExternal(parent, started);

        // Known now even if the started event is still buffered, so a close policy can find the child.
        child.RunId = childRun.Key.RunId;
    }

    private void NotifyParent(MutableState run)
    {
        var info = run.Started;
        if (info.ParentWorkflowExecution is null)
        {
            return;
        }

        var parentKey = new ExecutionKey(info.ParentWorkflowNamespace, info.ParentWorkflowExecution.WorkflowId, info.ParentWorkflowExecution.RunId);
        if (runs.GetValueOrDefault(parentKey) is not { IsRunning: true } parent || !parent.Children.TryGetValue(info.ParentInitiatedEventId, out var child))
        {
            return;
        }

        var execution = new WorkflowExecution { WorkflowId = run.Key.WorkflowId, RunId = string.IsNullOrEmpty(child.RunId) ? run.Key.RunId : child.RunId };
        var ns = run.Key.Namespace;
        var type = info.WorkflowType;
        var initiated = info.ParentInitiatedEventId;
        var close = run.CloseEvent!;
        HistoryEvent e;
        switch (run.Status)
        {
            case WorkflowExecutionStatus.Completed:
                e = NewEvent(EventType.ChildWorkflowExecutionCompleted);
                e.ChildWorkflowExecutionCompletedEventAttributes = new ChildWorkflowExecutionCompletedEventAttributes
                {
                    Result = close.WorkflowExecutionCompletedEventAttributes.Result,
                    Namespace = ns,
                    WorkflowExecution = execution,
                    WorkflowType = type,
                    InitiatedEventId = initiated,
                };
                break;
            case WorkflowExecutionStatus.Failed:
                e = NewEvent(EventType.ChildWorkflowExecutionFailed);
                e.ChildWorkflowExecutionFailedEventAttributes = new ChildWorkflowExecutionFailedEventAttributes
                {
                    Failure = close.WorkflowExecutionFailedEventAttributes.Failure,
                    Namespace = ns,
                    WorkflowExecution = execution,
                    WorkflowType = type,
                    InitiatedEventId = initiated,
                    RetryState = close.WorkflowExecutionFailedEventAttributes.RetryState,
                };
                break;
            case WorkflowExecutionStatus.Canceled:
                e = NewEvent(EventType.ChildWorkflowExecutionCanceled);
                e.ChildWorkflowExecutionCanceledEventAttributes = new ChildWorkflowExecutionCanceledEventAttributes
                {
                    Details = close.WorkflowExecutionCanceledEventAttributes.Details,
                    Namespace = ns,
                    WorkflowExecution = execution,
                    WorkflowType = type,
                    InitiatedEventId = initiated,
                };
                break;
            case WorkflowExecutionStatus.TimedOut:
                e = NewEvent(EventType.ChildWorkflowExecutionTimedOut);
                e.ChildWorkflowExecutionTimedOutEventAttributes = new ChildWorkflowExecutionTimedOutEventAttributes
                {
                    Namespace = ns,
                    WorkflowExecution = execution,
                    WorkflowType = type,
                    InitiatedEventId = initiated,
                    RetryState = RetryState.Timeout,
                };
                break;
            default:
                e = NewEvent(EventType.ChildWorkflowExecutionTerminated);
                e.ChildWorkflowExecutionTerminatedEventAttributes = new ChildWorkflowExecutionTerminatedEventAttributes
                {
                    Namespace = ns,
                    WorkflowExecution = execution,
                    WorkflowType = type,
                    InitiatedEventId = initiated,
                };
                break;
        }

        // The parent may be the run whose workflow task is being completed right now: do it after that.
        deferred.Add(() =>
        {
            if (parent.IsRunning)
            {
                AddExternal(parent, e);
            }
        });
    }

    private void SignalExternal(MutableState run, SignalExternalWorkflowExecutionCommandAttributes a, long completedId)
    {
        var e = NewEvent(EventType.SignalExternalWorkflowExecutionInitiated);
        var ns = run.Key.Namespace;
        e.SignalExternalWorkflowExecutionInitiatedEventAttributes = new SignalExternalWorkflowExecutionInitiatedEventAttributes
        {
            WorkflowTaskCompletedEventId = completedId,
            Namespace = ns,
            WorkflowExecution = a.Execution,
            SignalName = a.SignalName,
            Input = a.Input,
#pragma warning disable CS0612 // Control is deprecated but SDKs still echo it.
            Control = a.Control,
#pragma warning restore CS0612
            ChildWorkflowOnly = a.ChildWorkflowOnly,
            Header = a.Header,
        };
        Append(run, e);
        var sourceKey = run.Key;
        var initiatedId = e.EventId;
        deferred.Add(() =>
        {
            if (runs.GetValueOrDefault(sourceKey) is not { IsRunning: true } source)
            {
                return;
            }

            var target = FindRun(ns, a.Execution.WorkflowId, a.Execution.RunId);
            HistoryEvent outcome;
            if (target is { IsRunning: true })
            {
                var signal = NewEvent(EventType.WorkflowExecutionSignaled);
                signal.WorkflowExecutionSignaledEventAttributes = new WorkflowExecutionSignaledEventAttributes
                {
                    SignalName = a.SignalName,
                    Input = a.Input,
                    Identity = string.Empty,
                    Header = a.Header,
                    ExternalWorkflowExecution = new WorkflowExecution { WorkflowId = sourceKey.WorkflowId, RunId = sourceKey.RunId },
                };
                AddExternal(target, signal);
                outcome = NewEvent(EventType.ExternalWorkflowExecutionSignaled);
                outcome.ExternalWorkflowExecutionSignaledEventAttributes = new ExternalWorkflowExecutionSignaledEventAttributes
                {
                    InitiatedEventId = initiatedId,
                    Namespace = ns,
                    WorkflowExecution = new WorkflowExecution { WorkflowId = a.Execution.WorkflowId, RunId = target.Key.RunId },
#pragma warning disable CS0612
                    Control = a.Control,
#pragma warning restore CS0612
                };
            }
            else
            {
                outcome = NewEvent(EventType.SignalExternalWorkflowExecutionFailed);
                outcome.SignalExternalWorkflowExecutionFailedEventAttributes = new SignalExternalWorkflowExecutionFailedEventAttributes
                {
                    Cause = SignalExternalWorkflowExecutionFailedCause.ExternalWorkflowExecutionNotFound,
                    WorkflowTaskCompletedEventId = completedId,
                    Namespace = ns,
                    WorkflowExecution = a.Execution,
                    InitiatedEventId = initiatedId,
#pragma warning disable CS0612
                    Control = a.Control,
#pragma warning restore CS0612
                };
            }

            AddExternal(source, outcome);
        });
    }

    private void CancelExternal(MutableState run, RequestCancelExternalWorkflowExecutionCommandAttributes a, long completedId)
    {
        var ns = run.Key.Namespace;
        var e = NewEvent(EventType.RequestCancelExternalWorkflowExecutionInitiated);
        var target = new WorkflowExecution { WorkflowId = a.WorkflowId, RunId = a.RunId };
        e.RequestCancelExternalWorkflowExecutionInitiatedEventAttributes = new RequestCancelExternalWorkflowExecutionInitiatedEventAttributes
        {
            WorkflowTaskCompletedEventId = completedId,
            Namespace = ns,
            WorkflowExecution = target,
#pragma warning disable CS0612
            Control = a.Control,
#pragma warning restore CS0612
            ChildWorkflowOnly = a.ChildWorkflowOnly,
            Reason = a.Reason,
        };
        Append(run, e);
        var sourceKey = run.Key;
        var initiatedId = e.EventId;
        deferred.Add(() =>
        {
            if (runs.GetValueOrDefault(sourceKey) is not { IsRunning: true } source)
            {
                return;
            }

            var targetRun = FindRun(ns, a.WorkflowId, a.RunId);
            HistoryEvent outcome;
            if (targetRun is { IsRunning: true })
            {
                AddCancelRequested(targetRun, a.Reason, string.Empty, new WorkflowExecution { WorkflowId = sourceKey.WorkflowId, RunId = sourceKey.RunId }, initiatedId);
                outcome = NewEvent(EventType.ExternalWorkflowExecutionCancelRequested);
                outcome.ExternalWorkflowExecutionCancelRequestedEventAttributes = new ExternalWorkflowExecutionCancelRequestedEventAttributes
                {
                    InitiatedEventId = initiatedId,
                    Namespace = ns,
                    WorkflowExecution = new WorkflowExecution { WorkflowId = a.WorkflowId, RunId = targetRun.Key.RunId },
                };
            }
            else
            {
                outcome = NewEvent(EventType.RequestCancelExternalWorkflowExecutionFailed);
                outcome.RequestCancelExternalWorkflowExecutionFailedEventAttributes = new RequestCancelExternalWorkflowExecutionFailedEventAttributes
                {
                    Cause = CancelExternalWorkflowExecutionFailedCause.ExternalWorkflowExecutionNotFound,
                    WorkflowTaskCompletedEventId = completedId,
                    Namespace = ns,
                    WorkflowExecution = target,
                    InitiatedEventId = initiatedId,
                };
            }

            AddExternal(source, outcome);
        });
    }
}
