using ReplayWorkflows.Temporal.Api.Grpc;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Server.History;

internal sealed partial class HistoryEngine
{
    public void Signal(SignalWorkflowExecutionRequest request) => Mutate(() =>
    {
        var run = GetRun(request.Namespace, request.WorkflowExecution?.WorkflowId ?? string.Empty, request.WorkflowExecution?.RunId);
        if (!run.IsRunning)
        {
            throw new GrpcException(GrpcStatusCode.NotFound, "workflow execution already completed");
        }

        var e = NewEvent(EventType.WorkflowExecutionSignaled);
        e.WorkflowExecutionSignaledEventAttributes = new WorkflowExecutionSignaledEventAttributes
        {
            SignalName = request.SignalName,
            Input = request.Input,
            Identity = request.Identity,
            Header = request.Header,
        };
        AddExternal(run, e);
    });

    public void RequestCancel(RequestCancelWorkflowExecutionRequest request) => Mutate(() =>
    {
        var run = GetRun(request.Namespace, request.WorkflowExecution?.WorkflowId ?? string.Empty, request.WorkflowExecution?.RunId);
        if (!run.IsRunning)
        {
            throw new GrpcException(GrpcStatusCode.NotFound, "workflow execution already completed");
        }

        AddCancelRequested(run, request.Reason, request.Identity, null, 0);
    });

    private void AddCancelRequested(MutableState run, string cause, string identity, WorkflowExecution? external, long externalInitiatedId)
    {
        if (run.CancelRequested)
        {
            return;
        }

        var e = NewEvent(EventType.WorkflowExecutionCancelRequested);
        e.WorkflowExecutionCancelRequestedEventAttributes = new WorkflowExecutionCancelRequestedEventAttributes
        {
            Cause = cause,
            Identity = identity,
            ExternalWorkflowExecution = external,
            ExternalInitiatedEventId = externalInitiatedId,
        };

        // Applied at once (not only when flushed) so a second request is a no-op.
        AddExternal(run, e);
        if (!run.CancelRequested)
        {
            run.MarkCancelRequested();
        }
    }

    public void Terminate(TerminateWorkflowExecutionRequest request) => Mutate(() =>
    {
        var run = GetRun(request.Namespace, request.WorkflowExecution?.WorkflowId ?? string.Empty, request.WorkflowExecution?.RunId);
        if (!run.IsRunning)
        {
            throw new GrpcException(GrpcStatusCode.NotFound, "workflow execution already completed");
        }

        TerminateRun(run, request.Reason, request.Details, request.Identity);
    });

    private void TerminateRun(MutableState run, string reason, Payloads? details, string identity)
    {
        // A transient task's events are not in history, so there is nothing for a failure event to point at.
        if (run.WorkflowTask is { IsStarted: true, IsTransient: false } task)
        {
            var failed = NewEvent(EventType.WorkflowTaskFailed);
            failed.WorkflowTaskFailedEventAttributes = new WorkflowTaskFailedEventAttributes
            {
                ScheduledEventId = task.ScheduledEventId,
                StartedEventId = task.StartedEventId,
                Cause = WorkflowTaskFailedCause.ForceCloseCommand,
                Identity = identity,
            };
            Append(run, failed);
        }

        FlushBuffered(run);
        var e = NewEvent(EventType.WorkflowExecutionTerminated);
        e.WorkflowExecutionTerminatedEventAttributes = new WorkflowExecutionTerminatedEventAttributes
        {
            Reason = reason,
            Details = details,
            Identity = identity,
        };
        Append(run, e);
        OnClosed(run);
    }

    /// <summary>After a run closes: its parent learns of it and its children follow their parent close policy.</summary>
    /// <param name="continuedAsNew">The run goes on as a new run: children stay, the parent is not told.</param>
    /// <param name="chainContinues">A retry or the next cron run started: the parent waits for the chain's last run.</param>
    private void OnClosed(MutableState run, bool continuedAsNew = false, bool chainContinues = false)
    {
        Touch(run);
        run.Buffered.Clear();
        LogClosed(logger, run.Key.WorkflowId, run.Key.RunId, run.Status);
        foreach (var child in run.Children.Values.Where(c => c.StartedEventId != 0).ToList())
        {
            if (continuedAsNew)
            {
                break;
            }

            var childRun = runs.GetValueOrDefault(new ExecutionKey(child.Attributes.Namespace.Length > 0 ? child.Attributes.Namespace : run.Key.Namespace,
                child.Attributes.WorkflowId, child.RunId));
            childRun = childRun is null ? null : current.GetValueOrDefault((childRun.Key.Namespace, childRun.Key.WorkflowId));
            if (childRun is not { IsRunning: true })
            {
                continue;
            }

            switch (child.Attributes.ParentClosePolicy)
            {
                case ParentClosePolicy.Abandon:
                    break;
                case ParentClosePolicy.RequestCancel:
                    AddCancelRequested(childRun, "by parent close policy", "history-service", null, 0);
                    break;
                default:
                    TerminateRun(childRun, "by parent close policy", null, "history-service");
                    break;
            }
        }

        if (!continuedAsNew && !chainContinues)
        {
            NotifyParent(run);
        }
    }
}
