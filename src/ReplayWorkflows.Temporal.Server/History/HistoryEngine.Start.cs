using Google.Protobuf.WellKnownTypes;
using ReplayWorkflows.Temporal.Api.Grpc;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.ErrorDetails.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Server.History;

internal sealed partial class HistoryEngine
{
    private static readonly TimeSpan DefaultWorkflowTaskTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxWorkflowTaskTimeout = TimeSpan.FromSeconds(120);

    public StartOutcome StartWorkflow(StartWorkflowExecutionRequest request) => Mutate(() =>
    {
        var existing = ResolveConflict(request.Namespace, request.WorkflowId, request.RequestId,
            request.WorkflowIdReusePolicy, request.WorkflowIdConflictPolicy, request.Identity);
        if (existing is not null)
        {
            return existing;
        }

        var attributes = StartedAttributes(request.WorkflowId, request.WorkflowType, request.TaskQueue, request.Input,
            request.WorkflowExecutionTimeout, request.WorkflowRunTimeout, request.WorkflowTaskTimeout,
            request.Identity, request.Memo, request.SearchAttributes, request.Header);
        attributes.RetryPolicy = request.RetryPolicy;
        attributes.CronSchedule = request.CronSchedule;
        attributes.Priority = request.Priority;
        var delay = Max(request.WorkflowStartDelay?.ToTimeSpan() ?? TimeSpan.Zero, FirstCronBackoff(request.CronSchedule));
        var run = CreateRun(request.Namespace, attributes, request.RequestId, delay, null);
        return new StartOutcome(run.Key.RunId, true, WorkflowExecutionStatus.Running);
    });

    public StartOutcome SignalWithStart(SignalWithStartWorkflowExecutionRequest request) => Mutate(() =>
    {
        var signal = NewEvent(EventType.WorkflowExecutionSignaled);
        signal.WorkflowExecutionSignaledEventAttributes = new WorkflowExecutionSignaledEventAttributes
        {
            SignalName = request.SignalName,
            Input = request.SignalInput,
            Identity = request.Identity,
            Header = request.Header,
        };

        // Signal-with-start signals a running run whatever the conflict policy says (unless it says terminate).
        var running = current.GetValueOrDefault((request.Namespace, request.WorkflowId));
        if (running is { IsRunning: true } && request.WorkflowIdConflictPolicy != WorkflowIdConflictPolicy.TerminateExisting)
        {
            AddExternal(running, signal);
            return new StartOutcome(running.Key.RunId, false, WorkflowExecutionStatus.Running);
        }

        var conflict = request.WorkflowIdConflictPolicy == WorkflowIdConflictPolicy.Unspecified
            ? WorkflowIdConflictPolicy.UseExisting
            : request.WorkflowIdConflictPolicy;
        var existing = ResolveConflict(request.Namespace, request.WorkflowId, requestId: null,
            request.WorkflowIdReusePolicy, conflict, request.Identity);
        if (existing is not null)
        {
            return existing;
        }

        var attributes = StartedAttributes(request.WorkflowId, request.WorkflowType, request.TaskQueue, request.Input,
            request.WorkflowExecutionTimeout, request.WorkflowRunTimeout, request.WorkflowTaskTimeout,
            request.Identity, request.Memo, request.SearchAttributes, request.Header);
        attributes.RetryPolicy = request.RetryPolicy;
        attributes.CronSchedule = request.CronSchedule;
        attributes.Priority = request.Priority;
        var delay = Max(request.WorkflowStartDelay?.ToTimeSpan() ?? TimeSpan.Zero, FirstCronBackoff(request.CronSchedule));
        var run = CreateRun(request.Namespace, attributes, request.RequestId, delay, signal);
        return new StartOutcome(run.Key.RunId, true, WorkflowExecutionStatus.Running);
    });

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    // Start and signal-with-start requests carry the same start fields under the same names but share no type.
    private static WorkflowExecutionStartedEventAttributes StartedAttributes(
        string workflowId, WorkflowType type, TaskQueue taskQueue, Payloads input,
        Duration? executionTimeout, Duration? runTimeout, Duration? taskTimeout,
        string identity, Memo memo, SearchAttributes searchAttributes, Header header) => new()
    {
        WorkflowId = workflowId,
        WorkflowType = type,
        TaskQueue = new TaskQueue { Name = taskQueue.Name, Kind = TaskQueueKind.Normal },
        Input = input,
        WorkflowExecutionTimeout = executionTimeout,
        WorkflowRunTimeout = runTimeout,
        WorkflowTaskTimeout = taskTimeout,
        Identity = identity,
        Memo = memo,
        SearchAttributes = searchAttributes,
        Header = header,
        Initiator = ContinueAsNewInitiator.Unspecified,
    };

    /// <summary>
    /// Applies the id reuse and conflict policies. Returns the outcome when the request is answered by an existing
    /// run, null when a new run must be created (after terminating the running one if the policy says so).
    /// </summary>
    private StartOutcome? ResolveConflict(string ns, string workflowId, string? requestId,
        WorkflowIdReusePolicy reuse, WorkflowIdConflictPolicy conflict, string identity)
    {
        var existing = current.GetValueOrDefault((ns, workflowId));
        if (existing is null)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(requestId) && existing.RequestId == requestId)
        {
            return new StartOutcome(existing.Key.RunId, true, existing.Status);
        }

        if (existing.IsRunning)
        {
            if (reuse == WorkflowIdReusePolicy.TerminateIfRunning)
            {
                conflict = WorkflowIdConflictPolicy.TerminateExisting;
            }

            switch (conflict)
            {
                case WorkflowIdConflictPolicy.UseExisting:
                    return new StartOutcome(existing.Key.RunId, false, WorkflowExecutionStatus.Running);
                case WorkflowIdConflictPolicy.TerminateExisting:
                    TerminateRun(existing, "terminated by a new start (TerminateExisting)", null, identity);
                    return null;
                default:
                    throw AlreadyStarted(existing, workflowId);
            }
        }

        switch (reuse)
        {
            case WorkflowIdReusePolicy.RejectDuplicate:
                throw AlreadyStarted(existing, workflowId);
            case WorkflowIdReusePolicy.AllowDuplicateFailedOnly
                when existing.Status is WorkflowExecutionStatus.Completed or WorkflowExecutionStatus.ContinuedAsNew:
                throw AlreadyStarted(existing, workflowId);
            default:
                return null;
        }
    }

    private static GrpcException AlreadyStarted(MutableState existing, string workflowId) =>
        new(GrpcStatusCode.AlreadyExists,
            $"Workflow execution is already running. WorkflowId: {workflowId}, RunId: {existing.Key.RunId}.",
            new WorkflowExecutionAlreadyStartedFailure { StartRequestId = existing.RequestId, RunId = existing.Key.RunId });

    /// <summary>Writes WorkflowExecutionStarted (and the first workflow task) of a new run and makes it current.</summary>
    private MutableState CreateRun(string ns, WorkflowExecutionStartedEventAttributes attributes, string requestId, TimeSpan startDelay, HistoryEvent? signal)
    {
        var runId = pendingRunId ?? Guid.NewGuid().ToString();
        var run = new MutableState(new ExecutionKey(ns, attributes.WorkflowId, runId)) { RequestId = requestId };
        var now = Now;
        attributes.OriginalExecutionRunId = runId;
        if (string.IsNullOrEmpty(attributes.FirstExecutionRunId))
        {
            attributes.FirstExecutionRunId = runId;
        }

        if (attributes.Attempt == 0)
        {
            attributes.Attempt = 1;
        }

        var taskTimeout = attributes.WorkflowTaskTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
        if (taskTimeout <= TimeSpan.Zero)
        {
            taskTimeout = DefaultWorkflowTaskTimeout;
        }

        attributes.WorkflowTaskTimeout = Duration.FromTimeSpan(taskTimeout > MaxWorkflowTaskTimeout ? MaxWorkflowTaskTimeout : taskTimeout);
        var executionTimeout = attributes.WorkflowExecutionTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
        if (executionTimeout > TimeSpan.Zero && attributes.WorkflowExecutionExpirationTime is null)
        {
            attributes.WorkflowExecutionExpirationTime = Timestamp.FromDateTimeOffset(now + startDelay + executionTimeout);
        }

        var runTimeout = attributes.WorkflowRunTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
        if (runTimeout <= TimeSpan.Zero && executionTimeout > TimeSpan.Zero)
        {
            attributes.WorkflowRunTimeout = Duration.FromTimeSpan(executionTimeout);
        }

        if (startDelay > TimeSpan.Zero)
        {
            attributes.FirstWorkflowTaskBackoff = Duration.FromTimeSpan(startDelay);
        }

        var started = NewEvent(EventType.WorkflowExecutionStarted);
        started.WorkflowExecutionStartedEventAttributes = attributes;
        runs[run.Key] = run;
        current[(ns, attributes.WorkflowId)] = run;
        Append(run, started);
        if (signal is not null)
        {
            Append(run, signal);
        }

        if (startDelay > TimeSpan.Zero)
        {
            ScheduleFirstWorkflowTaskAt(run, now + startDelay);
        }
        else
        {
            ScheduleWorkflowTask(run);
        }

        ArmRunTimeout(run);
        LogStarted(logger, run.Key.WorkflowId, runId);
        return run;
    }

    private void ScheduleFirstWorkflowTaskAt(MutableState run, DateTimeOffset due)
    {
        var key = run.Key;
        After(() => timers.Schedule(due, () => Mutate(() =>
        {
            if (runs.GetValueOrDefault(key) is { IsRunning: true, WorkflowTask: null } delayed)
            {
                ScheduleWorkflowTask(delayed);
            }
        })));
    }

    /// <summary>Arms the timer that times the run out at its run or execution deadline, whichever is first.</summary>
    private void ArmRunTimeout(MutableState run)
    {
        var deadline = run.RunExpiration;
        if (run.ExecutionExpiration is { } execution && (deadline is null || execution < deadline))
        {
            deadline = execution;
        }

        if (deadline is not { } due)
        {
            return;
        }

        var key = run.Key;
        After(() => timers.Schedule(due, () => Mutate(() =>
        {
            if (runs.GetValueOrDefault(key) is { IsRunning: true } expired)
            {
                TimeOutRun(expired);
            }
        })));
    }
}
