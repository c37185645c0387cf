using Google.Protobuf.WellKnownTypes;
using ReplayWorkflows.Temporal.Api.Grpc;
using ReplayWorkflows.Temporal.Server.Matching;
using Temporalio.Api.Command.V1;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Server.History;

internal sealed partial class HistoryEngine
{
    private void ScheduleActivity(MutableState run, ScheduleActivityTaskCommandAttributes a, long completedId)
    {
        var runTimeout = run.Started.WorkflowRunTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
        var scheduleToClose = a.ScheduleToCloseTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
        var scheduleToStart = a.ScheduleToStartTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
        var startToClose = a.StartToCloseTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
        var heartbeat = a.HeartbeatTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
        if (runTimeout > TimeSpan.Zero && (scheduleToClose == TimeSpan.Zero || scheduleToClose > runTimeout))
        {
            scheduleToClose = runTimeout;
        }

        if (scheduleToStart == TimeSpan.Zero || (scheduleToClose > TimeSpan.Zero && scheduleToStart > scheduleToClose))
        {
            scheduleToStart = scheduleToClose;
        }

        if (startToClose == TimeSpan.Zero || (scheduleToClose > TimeSpan.Zero && startToClose > scheduleToClose))
        {
            startToClose = scheduleToClose;
        }

        if (heartbeat > startToClose)
        {
            heartbeat = startToClose;
        }

        var e = NewEvent(EventType.ActivityTaskScheduled);
        e.ActivityTaskScheduledEventAttributes = new ActivityTaskScheduledEventAttributes
        {
            ActivityId = a.ActivityId,
            ActivityType = a.ActivityType,
            TaskQueue = string.IsNullOrEmpty(a.TaskQueue?.Name)
                ? new TaskQueue { Name = run.TaskQueue, Kind = TaskQueueKind.Normal }
                : new TaskQueue { Name = a.TaskQueue.Name, Kind = TaskQueueKind.Normal },
            Header = a.Header,
            Input = a.Input,
            ScheduleToCloseTimeout = Duration.FromTimeSpan(scheduleToClose),
            ScheduleToStartTimeout = Duration.FromTimeSpan(scheduleToStart),
            StartToCloseTimeout = Duration.FromTimeSpan(startToClose),
            HeartbeatTimeout = Duration.FromTimeSpan(heartbeat),
            WorkflowTaskCompletedEventId = completedId,
            RetryPolicy = RetryPolicies.WithDefaults(a.RetryPolicy),
            Priority = a.Priority,
        };
        Append(run, e);
        var activity = run.Activities[e.EventId];
        DispatchActivity(run, activity);
        if (scheduleToClose > TimeSpan.Zero)
        {
            ArmActivityTimeout(run, activity, TimeoutType.ScheduleToClose, activity.ScheduledTime + scheduleToClose, stamp: -1);
        }
    }

    private void DispatchActivity(MutableState run, PendingActivity activity)
    {
        var key = run.Key;
        var task = new MatchingTask(key, activity.ScheduledEventId, activity.Stamp);
        var queue = activity.Attributes.TaskQueue.Name;
        After(() => matching.Add(key.Namespace, queue, QueueType.Activity, task));
        var scheduleToStart = activity.Attributes.ScheduleToStartTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
        if (scheduleToStart > TimeSpan.Zero)
        {
            ArmActivityTimeout(run, activity, TimeoutType.ScheduleToStart, activity.CurrentAttemptScheduledTime + scheduleToStart, activity.Stamp);
        }
    }

    /// <summary>Arms one activity timeout; a stamp of -1 means "any attempt" (schedule-to-close spans them all).</summary>
    private void ArmActivityTimeout(MutableState run, PendingActivity activity, TimeoutType type, DateTimeOffset due, long stamp)
    {
        var key = run.Key;
        var scheduledId = activity.ScheduledEventId;
        After(() => timers.Schedule(due, () => Mutate(() => OnActivityTimeout(key, scheduledId, type, stamp))));
    }

    private void OnActivityTimeout(ExecutionKey key, long scheduledId, TimeoutType type, long stamp)
    {
        if (runs.GetValueOrDefault(key) is not { IsRunning: true } run || !run.Activities.TryGetValue(scheduledId, out var activity)
            || activity.Closing || (stamp >= 0 && activity.Stamp != stamp))
        {
            return;
        }

        switch (type)
        {
            case TimeoutType.ScheduleToStart when activity.StartedTime is not null:
            case TimeoutType.StartToClose or TimeoutType.Heartbeat when activity.StartedTime is null:
                return;
            case TimeoutType.Heartbeat:
                var last = activity.LastHeartbeatTime ?? activity.StartedTime!.Value;
                var timeout = activity.Attributes.HeartbeatTimeout.ToTimeSpan();
                if (last + timeout > Now)
                {
                    ArmActivityTimeout(run, activity, TimeoutType.Heartbeat, last + timeout, stamp);
                    return;
                }

                break;
            default:
                break;
        }

        var failure = new Failure
        {
            Message = $"activity {TimeoutName(type)} timeout",
            Source = "Server",
            TimeoutFailureInfo = new TimeoutFailureInfo { TimeoutType = type, LastHeartbeatDetails = activity.HeartbeatDetails },
        };
        if (activity.LastFailure is not null && type is TimeoutType.ScheduleToClose or TimeoutType.ScheduleToStart)
        {
            failure.Cause = activity.LastFailure;
        }

        var decision = RetryPolicies.Decide(activity.Attributes.RetryPolicy, activity.Attempt, failure, type, Now, ScheduleToCloseDeadline(activity));
        if (decision.Retry)
        {
            ScheduleRetry(run, activity, failure, decision.Backoff);
            return;
        }

        var e = NewEvent(EventType.ActivityTaskTimedOut);
        e.ActivityTaskTimedOutEventAttributes = new ActivityTaskTimedOutEventAttributes
        {
            Failure = failure,
            ScheduledEventId = scheduledId,
            RetryState = decision.State,
        };
        CloseActivity(run, activity, e, activity.StartedTime is not null);
    }

    private static string TimeoutName(TimeoutType type) => type switch
    {
        TimeoutType.ScheduleToStart => "ScheduleToStart",
        TimeoutType.ScheduleToClose => "ScheduleToClose",
        TimeoutType.Heartbeat => "Heartbeat",
        _ => "StartToClose",
    };

    private static DateTimeOffset? ScheduleToCloseDeadline(PendingActivity activity)
    {
        var timeout = activity.Attributes.ScheduleToCloseTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
        return timeout > TimeSpan.Zero ? activity.ScheduledTime + timeout : null;
    }

    private void ScheduleRetry(MutableState run, PendingActivity activity, Failure failure, TimeSpan backoff)
    {
        Touch(run);
        activity.LastFailure = failure;
        activity.LastWorkerIdentity = activity.StartedIdentity;
        activity.StartedTime = null;
        activity.LastHeartbeatTime = null;
        activity.Attempt++;
        activity.Stamp++;
        var due = Now + backoff;
        activity.RetryDueTime = due;
        var key = run.Key;
        var scheduledId = activity.ScheduledEventId;
        var stamp = activity.Stamp;
        After(() => timers.Schedule(due, () => Mutate(() =>
        {
            if (runs.GetValueOrDefault(key) is { IsRunning: true } retried && retried.Activities.TryGetValue(scheduledId, out var pending)
                && pending.Stamp == stamp && !pending.Closing)
            {
                pending.RetryDueTime = null;
                pending.CurrentAttemptScheduledTime = Now;
                Touch(retried);
                DispatchActivity(retried, pending);
            }
        })));
    }

    /// <summary>
    /// Writes the activity's final outcome: ActivityTaskStarted (Temporal writes it only now, with the final
    /// attempt) and then the close event, buffered while a workflow task runs.
    /// </summary>
    private void CloseActivity(MutableState run, PendingActivity activity, HistoryEvent close, bool started)
    {
        activity.Closing = true;
        if (started)
        {
            var s = NewEvent(EventType.ActivityTaskStarted);
            s.ActivityTaskStartedEventAttributes = new ActivityTaskStartedEventAttributes
            {
                ScheduledEventId = activity.ScheduledEventId,
                Identity = activity.StartedIdentity,
                RequestId = activity.StartedRequestId,
                Attempt = activity.Attempt,
                LastFailure = activity.LastFailure,
            };

            // Written late, but dated when the attempt really started, as Temporal does: start-to-close stays readable.
            if (activity.StartedTime is { } startedAt)
            {
                s.EventTime = Timestamp.FromDateTimeOffset(startedAt);
            }

            AddExternal(run, s, needsWorkflowTask: false);
        }

        AddExternal(run, close);
    }

    private bool RequestCancelActivity(MutableState run, long scheduledId, long completedId)
    {
        if (!run.Activities.TryGetValue(scheduledId, out var activity) || activity.Closing)
        {
            // The activity already finished; its result is buffered and the workflow will see it.
            return false;
        }

        var e = NewEvent(EventType.ActivityTaskCancelRequested);
        e.ActivityTaskCancelRequestedEventAttributes = new ActivityTaskCancelRequestedEventAttributes
        {
            ScheduledEventId = scheduledId,
            WorkflowTaskCompletedEventId = completedId,
        };
        Append(run, e);
        if (activity.StartedTime is not null)
        {
            return false;
        }

        // Not running anywhere: canceled at once.
        activity.Closing = true;
        var canceled = NewEvent(EventType.ActivityTaskCanceled);
        canceled.ActivityTaskCanceledEventAttributes = new ActivityTaskCanceledEventAttributes
        {
            ScheduledEventId = scheduledId,
            LatestCancelRequestedEventId = e.EventId,
        };
        Append(run, canceled);
        return true;
    }

    public PollActivityTaskQueueResponse? RecordActivityTaskStarted(MatchingTask task, string identity, string requestId) => Mutate(() =>
    {
        if (runs.GetValueOrDefault(task.Key) is not { IsRunning: true } run
            || !run.Activities.TryGetValue(task.ScheduledEventId, out var activity)
            || activity.Closing || activity.Stamp != task.Stamp || activity.StartedTime is not null)
        {
            return null;
        }

        Touch(run);
        var now = Now;
        activity.StartedTime = now;
        activity.StartedIdentity = identity;
        activity.StartedRequestId = requestId;
        var startToClose = activity.Attributes.StartToCloseTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
        if (startToClose > TimeSpan.Zero)
        {
            ArmActivityTimeout(run, activity, TimeoutType.StartToClose, now + startToClose, activity.Stamp);
        }

        var heartbeat = activity.Attributes.HeartbeatTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
        if (heartbeat > TimeSpan.Zero)
        {
            ArmActivityTimeout(run, activity, TimeoutType.Heartbeat, now + heartbeat, activity.Stamp);
        }

        var a = activity.Attributes;
        var token = new TaskToken(run.Key.Namespace, run.Key.WorkflowId, run.Key.RunId, activity.ScheduledEventId, 0, activity.Attempt);
        return new PollActivityTaskQueueResponse
        {
            TaskToken = token.ToByteString(),
            WorkflowNamespace = run.Key.Namespace,
            WorkflowType = run.Started.WorkflowType,
            WorkflowExecution = new WorkflowExecution { WorkflowId = run.Key.WorkflowId, RunId = run.Key.RunId },
            ActivityType = a.ActivityType,
            ActivityId = a.ActivityId,
            Header = a.Header,
            Input = a.Input,
            HeartbeatDetails = activity.HeartbeatDetails,
            ScheduledTime = Timestamp.FromDateTimeOffset(activity.ScheduledTime),
            CurrentAttemptScheduledTime = Timestamp.FromDateTimeOffset(activity.CurrentAttemptScheduledTime),
            StartedTime = Timestamp.FromDateTimeOffset(now),
            Attempt = activity.Attempt,
            ScheduleToCloseTimeout = a.ScheduleToCloseTimeout,
            StartToCloseTimeout = a.StartToCloseTimeout,
            HeartbeatTimeout = a.HeartbeatTimeout,
            RetryPolicy = a.RetryPolicy,
            // An activity without its own priority runs with its workflow's.
            Priority = a.Priority ?? run.Started.Priority,
        };
    });

    private (MutableState Run, PendingActivity Activity) ValidateActivityToken(TaskToken token)
    {
        if (runs.GetValueOrDefault(token.Key) is not { } run)
        {
            throw new GrpcException(GrpcStatusCode.NotFound, "Workflow execution not found.");
        }

        if (!run.IsRunning)
        {
            throw new GrpcException(GrpcStatusCode.NotFound, "Workflow execution already completed.");
        }

        if (!run.Activities.TryGetValue(token.ScheduledEventId, out var activity) || activity.Closing
            || activity.Attempt != token.Attempt || activity.StartedTime is null)
        {
            throw new GrpcException(GrpcStatusCode.NotFound, "Activity task not found.");
        }

        return (run, activity);
    }

    /// <summary>Turns a ById request into the token of the activity's running attempt.</summary>
    public TaskToken ActivityTokenById(string ns, string workflowId, string? runId, string activityId) => Read(() =>
    {
        var run = GetRun(ns, workflowId, runId);
        if (!run.ActivityIds.TryGetValue(activityId, out var scheduledId) || !run.Activities.TryGetValue(scheduledId, out var activity))
        {
            throw new GrpcException(GrpcStatusCode.NotFound, "Activity task not found.");
        }

        return new TaskToken(ns, workflowId, run.Key.RunId, scheduledId, 0, activity.Attempt);
    });

    public void CompleteActivity(Google.Protobuf.ByteString token, Payloads? result, string identity) => CompleteActivity(TaskToken.Parse(token), result, identity);

    public void CompleteActivity(TaskToken token, Payloads? result, string identity) => Mutate(() =>
    {
        var (run, activity) = ValidateActivityToken(token);
        var e = NewEvent(EventType.ActivityTaskCompleted);
        e.ActivityTaskCompletedEventAttributes = new ActivityTaskCompletedEventAttributes
        {
            Result = result,
            ScheduledEventId = activity.ScheduledEventId,
            Identity = identity,
        };
        CloseActivity(run, activity, e, started: true);
    });

    public void FailActivity(TaskToken token, Failure? failure, Payloads? lastHeartbeatDetails, string identity) => Mutate(() =>
    {
        var (run, activity) = ValidateActivityToken(token);
        if (lastHeartbeatDetails is not null)
        {
            activity.HeartbeatDetails = lastHeartbeatDetails;
        }

        failure ??= new Failure { Message = "activity failed" };
        var decision = RetryPolicies.Decide(activity.Attributes.RetryPolicy, activity.Attempt, failure, TimeoutType.Unspecified, Now, ScheduleToCloseDeadline(activity));
        if (decision.Retry)
        {
            ScheduleRetry(run, activity, failure, decision.Backoff);
            return;
        }

        var e = NewEvent(EventType.ActivityTaskFailed);
        e.ActivityTaskFailedEventAttributes = new ActivityTaskFailedEventAttributes
        {
            Failure = failure,
            ScheduledEventId = activity.ScheduledEventId,
            Identity = identity,
            RetryState = decision.State,
        };
        CloseActivity(run, activity, e, started: true);
    });

    public void CancelActivity(TaskToken token, Payloads? details, string identity) => Mutate(() =>
    {
        var (run, activity) = ValidateActivityToken(token);
        var e = NewEvent(EventType.ActivityTaskCanceled);
        e.ActivityTaskCanceledEventAttributes = new ActivityTaskCanceledEventAttributes
        {
            Details = details,
            LatestCancelRequestedEventId = activity.CancelRequestedEventId,
            ScheduledEventId = activity.ScheduledEventId,
            Identity = identity,
        };
        CloseActivity(run, activity, e, started: true);
    });

    /// <summary>Records heartbeat details (no history event) and reports whether cancellation was requested.</summary>
    public bool Heartbeat(TaskToken token, Payloads? details) => Mutate(() =>
    {
        var (run, activity) = ValidateActivityToken(token);
        Touch(run);
        activity.HeartbeatDetails = details;
        activity.LastHeartbeatTime = Now;
        return activity.CancelRequestedEventId != 0;
    });
}
