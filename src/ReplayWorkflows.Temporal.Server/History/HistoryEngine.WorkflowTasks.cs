using Google.Protobuf.WellKnownTypes;
using ReplayWorkflows.Temporal.Api.Grpc;
using ReplayWorkflows.Temporal.Server.Matching;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Query.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Server.History;

internal sealed partial class HistoryEngine
{
    /// <summary>
    /// Schedules the run's workflow task unless one is outstanding; dispatches it after commit. A retry (attempt 2
    /// on) is transient: its events are written only if it completes.
    /// </summary>
    private void ScheduleWorkflowTask(MutableState run, int attempt = 1)
    {
        if (!run.IsRunning || run.WorkflowTask is not null)
        {
            return;
        }

        run.WorkflowTaskAttempt = attempt;
        Touch(run);
        if (attempt > 1)
        {
            ScheduleTransientWorkflowTask(run, attempt);
            return;
        }

        var e = NewEvent(EventType.WorkflowTaskScheduled);
        e.WorkflowTaskScheduledEventAttributes = NormalQueueTask(run, attempt);
        if (!string.IsNullOrEmpty(run.StickyQueue))
        {
            e.WorkflowTaskScheduledEventAttributes.TaskQueue = new TaskQueue { Name = run.StickyQueue, Kind = TaskQueueKind.Sticky, NormalName = run.TaskQueue };
        }
        Append(run, e);
        DispatchWorkflowTask(run);
    }

    private static WorkflowTaskScheduledEventAttributes NormalQueueTask(MutableState run, int attempt) => new()
    {
        TaskQueue = new TaskQueue { Name = run.TaskQueue, Kind = TaskQueueKind.Normal },
        StartToCloseTimeout = run.Started.WorkflowTaskTimeout,
        Attempt = attempt,
    };

    private void ScheduleTransientWorkflowTask(MutableState run, int attempt)
    {
        // A retry always goes to the normal queue: a failure or timeout clears stickiness.
        var e = NewEvent(EventType.WorkflowTaskScheduled);
        e.EventId = run.NextEventId;
        e.WorkflowTaskScheduledEventAttributes = NormalQueueTask(run, attempt);
        run.WorkflowTask = new WorkflowTaskInfo
        {
            ScheduledEventId = e.EventId,
            ScheduledTime = Now,
            Attempt = attempt,
            TaskQueue = run.TaskQueue,
            TransientScheduled = e,
        };
        run.WorkflowTaskStamp++;
        DispatchWorkflowTask(run);
    }

    /// <summary>Ends the outstanding task after a failure or timeout: the closing event is written only for a task whose events are in history.</summary>
    private void DropWorkflowTask(MutableState run, WorkflowTaskInfo task, HistoryEvent closing)
    {
        if (task.IsTransient)
        {
            run.WorkflowTask = null;
            run.WorkflowTaskStamp++;
            Touch(run);
        }
        else
        {
            Append(run, closing);
        }

        run.StickyQueue = string.Empty;
    }

    /// <summary>Writes a transient task's scheduled and started events, just before its completion.</summary>
    private void PersistTransientWorkflowTask(MutableState run, WorkflowTaskInfo task)
    {
        if (task is not { TransientScheduled: { } scheduled, TransientStarted: { } started })
        {
            return;
        }

        if (scheduled.EventId != run.NextEventId)
        {
            throw new InvalidOperationException($"transient workflow task of {run.Key} expected event id {scheduled.EventId}, history is at {run.NextEventId}");
        }

        Append(run, scheduled);
        Append(run, started);
    }

    private void DispatchWorkflowTask(MutableState run)
    {
        var task = run.WorkflowTask!;
        var key = run.Key;
        var matchingTask = new MatchingTask(key, task.ScheduledEventId, run.WorkflowTaskStamp);
        var queue = task.TaskQueue;
        After(() => matching.Add(key.Namespace, queue, QueueType.Workflow, matchingTask));
        if (task.Sticky)
        {
            // A sticky worker that does not pick its task up in time loses it to the normal queue.
            var stamp = run.WorkflowTaskStamp;
            var due = Now + (run.StickyScheduleToStartTimeout > TimeSpan.Zero ? run.StickyScheduleToStartTimeout : TimeSpan.FromSeconds(5));
            After(() => timers.Schedule(due, () => Mutate(() => OnStickyScheduleToStartTimeout(key, stamp))));
        }
    }

    private void OnStickyScheduleToStartTimeout(ExecutionKey key, long stamp)
    {
        if (runs.GetValueOrDefault(key) is not { IsRunning: true } run || run.WorkflowTaskStamp != stamp || run.WorkflowTask is not { IsStarted: false } task)
        {
            return;
        }

        var e = NewEvent(EventType.WorkflowTaskTimedOut);
        e.WorkflowTaskTimedOutEventAttributes = new WorkflowTaskTimedOutEventAttributes
        {
            ScheduledEventId = task.ScheduledEventId,
            TimeoutType = TimeoutType.ScheduleToStart,
        };
        DropWorkflowTask(run, task, e);
        FlushBuffered(run);

        // Not the workflow's fault: the attempt does not grow.
        ScheduleWorkflowTask(run, task.Attempt);
    }

    /// <summary>
    /// Called when a poller takes a workflow task: writes WorkflowTaskStarted and builds the response, or returns
    /// null when the task is stale (already started, completed, or its run closed).
    /// </summary>
    public PollWorkflowTaskQueueResponse? RecordWorkflowTaskStarted(MatchingTask task, string identity, string requestId) => Mutate(() =>
    {
        if (runs.GetValueOrDefault(task.Key) is not { IsRunning: true } run
            || run.WorkflowTask is not { IsStarted: false } wft
            || wft.ScheduledEventId != task.ScheduledEventId
            || run.WorkflowTaskStamp != task.Stamp)
        {
            return null;
        }

        if (wft.IsTransient && wft.ScheduledEventId != run.NextEventId)
        {
            // Events arrived since the retry was scheduled: as Temporal does, it becomes a normal task at attempt 1.
            var scheduled = NewEvent(EventType.WorkflowTaskScheduled);
            scheduled.WorkflowTaskScheduledEventAttributes = NormalQueueTask(run, attempt: 1);
            Append(run, scheduled);
            run.WorkflowTaskAttempt = 1;
            wft = run.WorkflowTask!;
        }

        var e = NewEvent(EventType.WorkflowTaskStarted);
        e.WorkflowTaskStartedEventAttributes = new WorkflowTaskStartedEventAttributes
        {
            ScheduledEventId = wft.ScheduledEventId,
            Identity = identity,
            RequestId = requestId,
            HistorySizeBytes = run.HistorySizeBytes,
        };
        if (wft.IsTransient)
        {
            e.EventId = wft.ScheduledEventId + 1;
            wft.TransientStarted = e;
            wft.StartedEventId = e.EventId;
            wft.StartedTime = Now;
            wft.RequestId = requestId;
            run.WorkflowTaskStamp++;
            Touch(run);
        }
        else
        {
            Append(run, e);
        }

        ArmWorkflowTaskStartToClose(run);
        return BuildWorkflowTaskResponse(run, wft);
    });

    private PollWorkflowTaskQueueResponse BuildWorkflowTaskResponse(MutableState run, WorkflowTaskInfo wft)
    {
        var token = new TaskToken(run.Key.Namespace, run.Key.WorkflowId, run.Key.RunId, wft.ScheduledEventId, wft.StartedEventId, wft.Attempt);
        var first = wft.Sticky ? run.LastCompletedWorkflowTaskStartedEventId + 1 : 1;
        var history = new Temporalio.Api.History.V1.History();
        history.Events.AddRange(run.Events.Skip((int)first - 1));
        if (wft is { TransientScheduled: { } scheduled, TransientStarted: { } started })
        {
            history.Events.Add(scheduled);
            history.Events.Add(started);
        }

        return new PollWorkflowTaskQueueResponse
        {
            TaskToken = token.ToByteString(),
            WorkflowExecution = new WorkflowExecution { WorkflowId = run.Key.WorkflowId, RunId = run.Key.RunId },
            WorkflowType = run.Started.WorkflowType,
            PreviousStartedEventId = run.LastCompletedWorkflowTaskStartedEventId,
            StartedEventId = wft.StartedEventId,
            Attempt = wft.Attempt,
            History = history,
            WorkflowExecutionTaskQueue = new TaskQueue { Name = run.TaskQueue, Kind = TaskQueueKind.Normal },
            ScheduledTime = Timestamp.FromDateTimeOffset(wft.ScheduledTime),
            StartedTime = Timestamp.FromDateTimeOffset(wft.StartedTime ?? Now),
        };
    }

    private void ArmWorkflowTaskStartToClose(MutableState run)
    {
        var key = run.Key;
        var stamp = run.WorkflowTaskStamp;
        var timeout = run.Started.WorkflowTaskTimeout?.ToTimeSpan() ?? DefaultWorkflowTaskTimeout;
        var due = Now + timeout;
        After(() => timers.Schedule(due, () => Mutate(() =>
        {
            if (runs.GetValueOrDefault(key) is not { IsRunning: true } timedOut || timedOut.WorkflowTaskStamp != stamp
                || timedOut.WorkflowTask is not { IsStarted: true } task)
            {
                return;
            }

            var e = NewEvent(EventType.WorkflowTaskTimedOut);
            e.WorkflowTaskTimedOutEventAttributes = new WorkflowTaskTimedOutEventAttributes
            {
                ScheduledEventId = task.ScheduledEventId,
                StartedEventId = task.StartedEventId,
                TimeoutType = TimeoutType.StartToClose,
            };
            DropWorkflowTask(timedOut, task, e);
            var flushed = FlushBuffered(timedOut);
            ScheduleWorkflowTask(timedOut, flushed ? 1 : task.Attempt + 1);
        })));
    }

    private (MutableState Run, WorkflowTaskInfo Task) ValidateWorkflowTaskToken(TaskToken token)
    {
        if (runs.GetValueOrDefault(token.Key) is not { } run)
        {
            throw new GrpcException(GrpcStatusCode.NotFound, "Workflow execution not found.");
        }

        if (!run.IsRunning)
        {
            throw new GrpcException(GrpcStatusCode.NotFound, "Workflow execution already completed.");
        }

        if (run.WorkflowTask is not { IsStarted: true } task || task.ScheduledEventId != token.ScheduledEventId || task.StartedEventId != token.StartedEventId)
        {
            throw new GrpcException(GrpcStatusCode.NotFound, "Workflow task not found.");
        }

        return (run, task);
    }

    public void RespondWorkflowTaskFailed(RespondWorkflowTaskFailedRequest request)
    {
        var token = TaskToken.Parse(request.TaskToken);
        Mutate(() =>
        {
            var (run, task) = ValidateWorkflowTaskToken(token);
            FailWorkflowTask(run, task, request.Cause, request.Failure, request.Identity);
        });
    }

    private void FailWorkflowTask(MutableState run, WorkflowTaskInfo task, WorkflowTaskFailedCause cause, Failure? failure, string identity)
    {
        var e = NewEvent(EventType.WorkflowTaskFailed);
        e.WorkflowTaskFailedEventAttributes = new WorkflowTaskFailedEventAttributes
        {
            ScheduledEventId = task.ScheduledEventId,
            StartedEventId = task.StartedEventId,
            Cause = cause,
            Failure = failure,
            Identity = identity,
        };
        DropWorkflowTask(run, task, e);
        LogWorkflowTaskFailed(logger, run.Key.WorkflowId, task.Attempt, cause, failure?.Message ?? string.Empty);

        // New events make the next task a fresh one (attempt 1), as in Temporal.
        var flushed = FlushBuffered(run);
        var attempt = flushed ? 1 : task.Attempt + 1;
        run.WorkflowTaskAttempt = attempt;
        if (attempt <= 3 || cause == WorkflowTaskFailedCause.UnhandledCommand)
        {
            ScheduleWorkflowTask(run, attempt);
            return;
        }

        var key = run.Key;
        var backoff = TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, Math.Min(attempt - 3, 10))));
        var stamp = run.WorkflowTaskStamp;
        After(() => timers.Schedule(Now + backoff, () => Mutate(() =>
        {
            if (runs.GetValueOrDefault(key) is { IsRunning: true, WorkflowTask: null } retry && retry.WorkflowTaskStamp == stamp)
            {
                ScheduleWorkflowTask(retry, attempt);
            }
        })));
    }

    public RespondWorkflowTaskCompletedResponse RespondWorkflowTaskCompleted(RespondWorkflowTaskCompletedRequest request)
    {
        var token = TaskToken.Parse(request.TaskToken);
        var error = Mutate(() =>
        {
            var (run, task) = ValidateWorkflowTaskToken(token);
            var invalid = CommandValidator.Validate(request.Commands, run, SearchAttributeProblem);
            if (invalid is not null)
            {
                FailWorkflowTask(run, task, invalid.Cause, new Failure { Message = invalid.Message }, request.Identity);
                return invalid.Message;
            }

            var closes = request.Commands.Any(c => CommandValidator.IsTerminal(c.CommandType));
            if (closes && run.Buffered.Count > 0)
            {
                // New events arrived while the workflow decided to close: it must see them first.
                FailWorkflowTask(run, task, WorkflowTaskFailedCause.UnhandledCommand,
                    new Failure { Message = "Workflow task completed with a close command while new events were pending." }, request.Identity);
                return null;
            }

            PersistTransientWorkflowTask(run, task);
            var completed = NewEvent(EventType.WorkflowTaskCompleted);
            completed.WorkflowTaskCompletedEventAttributes = new WorkflowTaskCompletedEventAttributes
            {
                ScheduledEventId = task.ScheduledEventId,
                StartedEventId = task.StartedEventId,
                Identity = request.Identity,
#pragma warning disable CS0612 // Obsolete protobuf fields still reported by SDKs.
                BinaryChecksum = request.BinaryChecksum,
                WorkerVersion = request.WorkerVersionStamp,
#pragma warning restore CS0612
                SdkMetadata = request.SdkMetadata,
                MeteringMetadata = request.MeteringMetadata,
            };
            Append(run, completed);
            if (request.StickyAttributes?.WorkerTaskQueue is { Name.Length: > 0 } stickyQueue)
            {
                run.StickyQueue = stickyQueue.Name;
                run.StickyScheduleToStartTimeout = request.StickyAttributes.ScheduleToStartTimeout?.ToTimeSpan() ?? TimeSpan.FromSeconds(5);
            }
            else
            {
                run.StickyQueue = string.Empty;
            }

            var needsTask = request.ForceCreateNewWorkflowTask;
            foreach (var command in request.Commands)
            {
                needsTask |= ApplyCommand(run, command, completed.EventId);
                if (!run.IsRunning)
                {
                    break;
                }
            }

            needsTask |= FlushBuffered(run);
            if (run.IsRunning && needsTask)
            {
                ScheduleWorkflowTask(run);
            }

            return null;
        });

        if (error is not null)
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, error);
        }

        return new RespondWorkflowTaskCompletedResponse();
    }

    /// <summary>A query task for a worker: the run's history plus the query, answered with RespondQueryTaskCompleted.</summary>
    public PollWorkflowTaskQueueResponse? BuildQueryTask(MatchingTask task, WorkflowQuery query) => Read(() =>
    {
        if (runs.GetValueOrDefault(task.Key) is not { } run)
        {
            return null;
        }

        // Replay up to the last completed workflow task; a task in flight is not part of what the query sees.
        var history = new Temporalio.Api.History.V1.History();
        var upTo = run.Events.Count;
        if (run.WorkflowTask is { } inFlight)
        {
            upTo = (int)inFlight.ScheduledEventId;
        }

        history.Events.AddRange(run.Events.Take(upTo));
        var token = new TaskToken(run.Key.Namespace, run.Key.WorkflowId, run.Key.RunId, 0, 0, 0, task.QueryId);
        return new PollWorkflowTaskQueueResponse
        {
            TaskToken = token.ToByteString(),
            WorkflowExecution = new WorkflowExecution { WorkflowId = run.Key.WorkflowId, RunId = run.Key.RunId },
            WorkflowType = run.Started.WorkflowType,
            PreviousStartedEventId = run.LastCompletedWorkflowTaskStartedEventId,
            StartedEventId = run.LastCompletedWorkflowTaskStartedEventId,
            History = history,
            Query = query,
            WorkflowExecutionTaskQueue = new TaskQueue { Name = run.TaskQueue, Kind = TaskQueueKind.Normal },
            ScheduledTime = Timestamp.FromDateTimeOffset(Now),
            StartedTime = Timestamp.FromDateTimeOffset(Now),
        };
    });

    /// <summary>Clears stickiness of every run bound to a worker's sticky queue and moves its tasks back.</summary>
    public void ResetSticky(string ns, string stickyQueue) => Mutate(() =>
    {
        foreach (var run in runs.Values.Where(r => r.Key.Namespace == ns && r.IsRunning && r.StickyQueue == stickyQueue))
        {
            run.StickyQueue = string.Empty;
            if (run.WorkflowTask is { IsStarted: false, Sticky: true } task)
            {
                OnStickyScheduleToStartTimeout(run.Key, run.WorkflowTaskStamp);
                _ = task;
            }
        }
    });

    public void ResetStickyForRun(string ns, string workflowId, string? runId) => Mutate(() =>
    {
        var run = GetRun(ns, workflowId, runId);
        run.StickyQueue = string.Empty;
    });
}
