using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.Command.V1;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Exceptions;

namespace Temporalio.Workflows.Runtime;

/// <summary>The operations workflow code performs through <see cref="Workflow"/>: each becomes a command.</summary>
internal sealed partial class WorkflowInstance
{
    internal Task<object?> ScheduleActivity(string activityType, IReadOnlyCollection<object?> args, ActivityOptions options, System.Type resultType)
    {
        AssertInWorkflow();
        if (options.StartToCloseTimeout is null && options.ScheduleToCloseTimeout is null)
        {
            throw new ArgumentException($"Activity {activityType} needs ActivityOptions.StartToCloseTimeout or ScheduleToCloseTimeout");
        }

        var token = options.CancellationToken ?? CancellationToken;
        if (token.IsCancellationRequested)
        {
            return Task.FromException<object?>(new CanceledFailureException("Activity cancelled before it was scheduled"));
        }

        var seq = NextSeq();
        var activityId = options.ActivityId ?? seq.ToString(CultureInfo.InvariantCulture);
        var attributes = new ScheduleActivityTaskCommandAttributes
        {
            ActivityId = activityId,
            ActivityType = new ActivityType { Name = activityType },
            TaskQueue = new Api.TaskQueue.V1.TaskQueue { Name = options.TaskQueue ?? Info!.TaskQueue },
            Input = EncodeValues(args),
            RetryPolicy = options.RetryPolicy?.ToProto(),
            Priority = options.Priority?.ToProto(),
        };
        SetDuration(options.ScheduleToCloseTimeout, d => attributes.ScheduleToCloseTimeout = d);
        SetDuration(options.ScheduleToStartTimeout, d => attributes.ScheduleToStartTimeout = d);
        SetDuration(options.StartToCloseTimeout, d => attributes.StartToCloseTimeout = d);
        SetDuration(options.HeartbeatTimeout, d => attributes.HeartbeatTimeout = d);
        var result = new TaskCompletionSource<object?>();
        activities[seq] = new PendingActivity(result, resultType, activityType, activityId, options.CancellationType);
        AddCommand(new Command { CommandType = CommandType.ScheduleActivityTask, ScheduleActivityTaskCommandAttributes = attributes }, seq, CommandKind.Activity);
        WhenCancelled(token, result.Task, () => CancelActivity(seq));
        return result.Task;
    }

    internal Task DelayAsync(TimeSpan delay, CancellationToken? cancellationToken)
    {
        AssertInWorkflow();
        var token = cancellationToken ?? CancellationToken;
        if (delay == Timeout.InfiniteTimeSpan)
        {
            // No timer: only cancellation ends an infinite delay.
            var forever = new TaskCompletionSource<object?>();
            WhenCancelled(token, forever.Task, () => forever.TrySetCanceled(token));
            return forever.Task;
        }

        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentException($"delay must not be negative, got {delay}");
        }

        if (token.IsCancellationRequested)
        {
            return Task.FromCanceled(token);
        }

        var seq = NextSeq();
        var fired = new TaskCompletionSource<object?>();
        timers[seq] = new PendingTimer(fired);
        AddCommand(new Command
        {
            CommandType = CommandType.StartTimer,
            StartTimerCommandAttributes = new StartTimerCommandAttributes
            {
                TimerId = seq.ToString(CultureInfo.InvariantCulture),
                StartToFireTimeout = Duration.FromTimeSpan(delay <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : delay),
            },
        }, seq, CommandKind.Timer);
        WhenCancelled(token, fired.Task, () =>
        {
            if (timers.TryGetValue(seq, out var firing) && firing.Resolving)
            {
                return; // fired in the history being applied: the delay completes instead
            }

            if (!timers.Remove(seq))
            {
                return;
            }

            if (!RemoveUnsent(seq, CommandKind.Timer))
            {
                AddCommand(new Command
                {
                    CommandType = CommandType.CancelTimer,
                    CancelTimerCommandAttributes = new CancelTimerCommandAttributes { TimerId = seq.ToString(CultureInfo.InvariantCulture) },
                }, seq, CommandKind.CancelTimer);
            }

            fired.TrySetCanceled(token);
        });
        return fired.Task;
    }

    internal async Task<bool> WaitConditionAsync(Func<bool> condition, TimeSpan? timeout, CancellationToken? cancellationToken)
    {
        AssertInWorkflow();
        var token = cancellationToken ?? CancellationToken;
        var done = new TaskCompletionSource<bool>();
        conditions.Add((condition, done));
        WhenCancelled(token, done.Task, () => done.TrySetCanceled(token));
        if (timeout is null)
        {
            return await done.Task;
        }

        using var timerCancel = CancellationTokenSource.CreateLinkedTokenSource(token);
        var timer = DelayAsync(timeout.Value, timerCancel.Token);
        if (await Task.WhenAny(done.Task, timer) == done.Task)
        {
            timerCancel.Cancel();
            return await done.Task;
        }

        conditions.RemoveAll(c => c.Done == done);
        await timer;
        return false;
    }

    internal async Task<(string Id, string RunId, Task<object?> Result)> StartChildAsync(
        string workflowType, IReadOnlyCollection<object?> args, ChildWorkflowOptions options, System.Type resultType)
    {
        AssertInWorkflow();
        var token = options.CancellationToken ?? CancellationToken;
        if (token.IsCancellationRequested)
        {
            throw new CanceledFailureException("Child workflow cancelled before it was started");
        }

        var seq = NextSeq();
        var id = options.Id ?? NewGuid().ToString();
        var attributes = new StartChildWorkflowExecutionCommandAttributes
        {
            WorkflowId = id,
            WorkflowType = new WorkflowType { Name = workflowType },
            TaskQueue = new Api.TaskQueue.V1.TaskQueue { Name = options.TaskQueue ?? Info!.TaskQueue },
            Input = EncodeValues(args),
            ParentClosePolicy = (Api.Enums.V1.ParentClosePolicy)options.ParentClosePolicy,
            WorkflowIdReusePolicy = options.IdReusePolicy,
            RetryPolicy = options.RetryPolicy?.ToProto(),
            CronSchedule = options.CronSchedule ?? string.Empty,
            SearchAttributes = options.TypedSearchAttributes?.ToProto(),
            Priority = options.Priority?.ToProto(),
        };
        SetDuration(options.ExecutionTimeout, d => attributes.WorkflowExecutionTimeout = d);
        SetDuration(options.RunTimeout, d => attributes.WorkflowRunTimeout = d);
        SetDuration(options.TaskTimeout, d => attributes.WorkflowTaskTimeout = d);
        if (options.Memo is { Count: > 0 } memo)
        {
            attributes.Memo = new Memo();
            foreach (var (key, value) in memo)
            {
                attributes.Memo.Fields[key] = Converter.PayloadConverter.ToPayload(value);
            }
        }

        var child = new PendingChild(new TaskCompletionSource<string>(), new TaskCompletionSource<object?>(), resultType, id, workflowType, options.CancellationType);
        children[seq] = child;
        AddCommand(new Command { CommandType = CommandType.StartChildWorkflowExecution, StartChildWorkflowExecutionCommandAttributes = attributes }, seq, CommandKind.Child);
        WhenCancelled(token, child.Result.Task, () => CancelChild(seq));
        var runId = await child.Started.Task;
        return (id, runId, child.Result.Task);
    }

    internal Task SignalExternalAsync(string workflowId, string? runId, string signal, IReadOnlyCollection<object?> args, bool childOnly,
        CancellationToken? cancellationToken = null)
    {
        AssertInWorkflow();
        var token = cancellationToken ?? CancellationToken;
        if (token.IsCancellationRequested)
        {
            return Task.FromException(new CanceledFailureException("Signal cancelled before scheduled"));
        }

        var seq = NextSeq();
        var done = new TaskCompletionSource<object?>();
        externals[seq] = done;
        AddCommand(new Command
        {
            CommandType = CommandType.SignalExternalWorkflowExecution,
            SignalExternalWorkflowExecutionCommandAttributes = new SignalExternalWorkflowExecutionCommandAttributes
            {
                Execution = new WorkflowExecution { WorkflowId = workflowId, RunId = runId ?? string.Empty },
                SignalName = signal,
                Input = EncodeValues(args),
                ChildWorkflowOnly = childOnly,
            },
        }, seq, CommandKind.SignalExternal);
        WhenCancelled(token, done.Task, () => CancelUnsentSignal(seq));
        return done.Task;
    }

    /// <summary>
    /// A signal still waiting in this task's commands is dropped and fails as cancelled; one the server has already
    /// been sent cannot be recalled, so cancelling it changes nothing and its outcome still arrives.
    /// </summary>
    private void CancelUnsentSignal(int seq)
    {
        if (RemoveUnsent(seq, CommandKind.SignalExternal) && externals.Remove(seq, out var done))
        {
            done.TrySetException(new CanceledFailureException("Signal was cancelled before being sent"));
        }
    }

    internal Task CancelExternalAsync(string workflowId, string? runId, bool childOnly)
    {
        AssertInWorkflow();
        var seq = NextSeq();
        var done = new TaskCompletionSource<object?>();
        externals[seq] = done;
        AddCommand(new Command
        {
            CommandType = CommandType.RequestCancelExternalWorkflowExecution,
            RequestCancelExternalWorkflowExecutionCommandAttributes = new RequestCancelExternalWorkflowExecutionCommandAttributes
            {
                WorkflowId = workflowId,
                RunId = runId ?? string.Empty,
                ChildWorkflowOnly = childOnly,
            },
        }, seq, CommandKind.CancelExternal);
        return done.Task;
    }

    internal bool Patched(string patchId, bool deprecated)
    {
        AssertInWorkflow();
        if (patchDecisions.TryGetValue(patchId, out var decided))
        {
            return decided;
        }

        var inHistory = patchesInHistory.Contains(patchId);
        var use = !IsReplaying || inHistory || deprecated;
        patchDecisions[patchId] = use;
        if (use && (!IsReplaying || inHistory))
        {
            var data = new Payloads();
            data.Payloads_.Add(Converter.PayloadConverter.ToPayload(new Dictionary<string, object> { ["id"] = patchId, ["deprecated"] = deprecated }));
            var marker = new RecordMarkerCommandAttributes { MarkerName = PatchMarkerName };
            marker.Details["patch_data"] = data;
            AddCommand(new Command { CommandType = CommandType.RecordMarker, RecordMarkerCommandAttributes = marker }, 0, CommandKind.Marker);
        }

        return use;
    }

    internal void UpsertSearchAttributes(IReadOnlyCollection<SearchAttributeUpdate> updates)
    {
        AssertInWorkflow();
        var proto = new Api.Common.V1.SearchAttributes();
        foreach (var update in updates)
        {
            proto.IndexedFields[update.UntypedKey.Name] = Common.SearchAttributeCollection.ToPayload(update.UntypedKey, update.UntypedValue);
        }

        TypedSearchAttributes = TypedSearchAttributes.With(updates);
        AddCommand(new Command
        {
            CommandType = CommandType.UpsertWorkflowSearchAttributes,
            UpsertWorkflowSearchAttributesCommandAttributes = new UpsertWorkflowSearchAttributesCommandAttributes { SearchAttributes = proto },
        }, 0, CommandKind.UpsertSearchAttributes);
    }

    internal Guid NewGuid()
    {
        AssertInWorkflow();
        var bytes = new byte[16];
        Random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (little-endian layout of the time_hi field)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    private void CancelActivity(int seq)
    {
        if (!activities.TryGetValue(seq, out var activity) || activity.Resolved || activity.Resolving)
        {
            return;
        }

        var cancelled = ToException(new Failure
        {
            Message = "Activity cancelled",
            Cause = new Failure { Message = "Activity cancelled", CanceledFailureInfo = new CanceledFailureInfo() },
            ActivityFailureInfo = new ActivityFailureInfo
            {
                ActivityId = activity.ActivityId,
                ActivityType = new ActivityType { Name = activity.ActivityType },
                ScheduledEventId = activity.ScheduledEventId,
                RetryState = RetryState.CancelRequested,
            },
        });
        if (RemoveUnsent(seq, CommandKind.Activity))
        {
            // Never sent: nothing to cancel on the server.
            activities.Remove(seq);
            activity.Result.TrySetException(cancelled);
            return;
        }

        if (activity.CancellationType != ActivityCancellationType.Abandon)
        {
            AddCommand(new Command
            {
                CommandType = CommandType.RequestCancelActivityTask,
                RequestCancelActivityTaskCommandAttributes = new RequestCancelActivityTaskCommandAttributes { ScheduledEventId = activity.ScheduledEventId },
            }, seq, CommandKind.CancelActivity);
        }

        if (activity.CancellationType != ActivityCancellationType.WaitCancellationCompleted)
        {
            activity.Resolved = true;
            activity.Result.TrySetException(cancelled);
        }
    }

    private void CancelChild(int seq)
    {
        if (!children.TryGetValue(seq, out var child) || child.Resolving)
        {
            return;
        }

        if (RemoveUnsent(seq, CommandKind.Child))
        {
            children.Remove(seq);
            child.Started.TrySetException(new CanceledFailureException("Child workflow cancelled before it was started"));
            return;
        }

        if (child.CancellationType == ChildWorkflowCancellationType.Abandon)
        {
            return;
        }

        _ = CancelExternalAsync(child.WorkflowId, null, childOnly: true);
        if (child.CancellationType == ChildWorkflowCancellationType.TryCancel)
        {
            children.Remove(seq);
            child.Result.TrySetException(ToException(new Failure
            {
                Message = "Child workflow cancelled",
                Cause = new Failure { Message = "Child workflow cancelled", CanceledFailureInfo = new CanceledFailureInfo() },
                ChildWorkflowExecutionFailureInfo = new ChildWorkflowExecutionFailureInfo
                {
                    Namespace = Namespace,
                    WorkflowExecution = new WorkflowExecution { WorkflowId = child.WorkflowId, RunId = child.RunId ?? string.Empty },
                    WorkflowType = new WorkflowType { Name = child.WorkflowType },
                    RetryState = RetryState.CancelRequested,
                },
            }));
        }
    }

    private bool RemoveUnsent(int seq, CommandKind kind)
    {
        var index = commands.FindIndex(c => c.Seq == seq && c.Kind == kind);
        if (index < 0)
        {
            return false;
        }

        commands.RemoveAt(index);
        return true;
    }

    private void WhenCancelled(CancellationToken token, Task done, Action onCancel)
    {
        if (!token.CanBeCanceled)
        {
            return;
        }

        // Runs synchronously on the thread that cancels: the activation thread, so commands stay in order. Anything
        // else (CancelAsync, a timed CancellationTokenSource) would add commands behind the workflow task's back.
        var registration = token.Register(() =>
        {
            if (!OnActivationThread)
            {
                NoteOutsideOperation();
                return;
            }

            onCancel();
        });
        done.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, this);
    }

    private static void SetDuration(TimeSpan? value, Action<Duration> set)
    {
        if (value is { } v)
        {
            set(Duration.FromTimeSpan(v));
        }
    }
}
