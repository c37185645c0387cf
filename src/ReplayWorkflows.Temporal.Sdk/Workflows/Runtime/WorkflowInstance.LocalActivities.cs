using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Temporalio.Activities;
using Temporalio.Api.Command.V1;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;
using Temporalio.Exceptions;

namespace Temporalio.Workflows.Runtime;

/// <summary>
/// Local activities run on this worker, between two passes of workflow code, and are recorded as markers. On replay
/// the marker, not the activity, resolves the call.
/// </summary>
internal sealed partial class WorkflowInstance
{
    internal const string LocalActivityMarkerName = "core_local_activity";
    private readonly Dictionary<int, PendingLocalActivity> localActivities = [];
    private readonly Queue<int> localActivitiesToRun = new();

    /// <summary>The activities registered on this worker, which local activities may call.</summary>
    public IReadOnlyDictionary<string, ActivityDefinition> LocalActivityDefinitions { get; init; } = new Dictionary<string, ActivityDefinition>();

    /// <summary>The worker's MaxConcurrentLocalActivities slots, shared by its workflows (none in the replayer).</summary>
    public SemaphoreSlim? LocalActivitySlots { get; init; }

    internal Task<object?> ScheduleLocalActivity(string activityType, IReadOnlyCollection<object?> args, LocalActivityOptions options, System.Type resultType)
    {
        AssertInWorkflow();
        if (options.StartToCloseTimeout is null && options.ScheduleToCloseTimeout is null)
        {
            throw new ArgumentException($"Local activity {activityType} needs LocalActivityOptions.StartToCloseTimeout or ScheduleToCloseTimeout");
        }

        var token = options.CancellationToken ?? CancellationToken;
        if (token.IsCancellationRequested)
        {
            return Task.FromException<object?>(new CanceledFailureException("Local activity cancelled before it was scheduled"));
        }

        var seq = NextSeq();
        var pending = new PendingLocalActivity(seq, activityType, options.ActivityId ?? seq.ToString(CultureInfo.InvariantCulture), args.ToArray(), options, resultType, new TaskCompletionSource<object?>());
        localActivities[seq] = pending;
        if (!IsReplaying)
        {
            localActivitiesToRun.Enqueue(seq);
        }

        return pending.Result.Task;
    }

    /// <summary>Runs queued local activities (live only), records each as a marker and lets workflow code continue.</summary>
    private void RunLocalActivities()
    {
        while (localActivitiesToRun.TryDequeue(out var seq))
        {
            if (!localActivities.TryGetValue(seq, out var pending))
            {
                continue;
            }

            // The activity may take a while: it is not workflow code, so the deadlock detector must not count it.
            ActivationStartedAt = null;
            var (result, failure) = Execute(pending);
            ActivationStartedAt = DateTime.UtcNow;
            commands.Add(new PendingCommand(LocalActivityMarker(pending, result, failure), seq, CommandKind.Marker));
            Resolve(pending, result, failure);
            RunUntilBlocked();
        }
    }

    /// <summary>On replay, a local activity marker resolves the call it recorded and workflow code continues.</summary>
    private bool TryResolveLocalActivityFromMarker(HistoryEvent e)
    {
        var marker = e.MarkerRecordedEventAttributes;
        if (marker.MarkerName != LocalActivityMarkerName || !marker.Details.TryGetValue("data", out var data) || data.Payloads_.Count == 0)
        {
            return false;
        }

        var seq = JsonDocument.Parse(data.Payloads_[0].Data.Memory).RootElement.GetProperty("seq").GetInt32();
        if (!localActivities.TryGetValue(seq, out var pending))
        {
            throw new WorkflowNondeterminismException($"Nondeterminism: history has local activity marker for seq {seq} (event {e.EventId}) but workflow code did not call that local activity");
        }

        marker.Details.TryGetValue("result", out var result);
        activeOnThread = this;
        try
        {
            Resolve(pending, result, marker.Failure);
            RunUntilBlocked();
        }
        finally
        {
            activeOnThread = null;
        }

        foreach (var command in TakePendingForMatching())
        {
            awaitingEvents.Enqueue(command);
        }

        return true;
    }

    private void Resolve(PendingLocalActivity pending, Payloads? result, Failure? failure)
    {
        localActivities.Remove(pending.Seq);
        if (failure is null)
        {
            pending.Result.TrySetResult(DecodeValue(result, pending.ResultType));
            return;
        }

        pending.Result.TrySetException(ToException(new Failure
        {
            Message = "Local activity failed",
            Cause = failure,
            ActivityFailureInfo = new ActivityFailureInfo
            {
                ActivityId = pending.ActivityId,
                ActivityType = new ActivityType { Name = pending.ActivityType },
                RetryState = RetryState.MaximumAttemptsReached,
            },
        }));
    }

    private (Payloads? Result, Failure? Failure) Execute(PendingLocalActivity pending)
    {
        if (!LocalActivityDefinitions.TryGetValue(pending.ActivityType, out var definition))
        {
            return (null, Failure(new ApplicationFailureException(
                $"Local activity {pending.ActivityType} is not registered on this worker, available activities: {string.Join(", ", LocalActivityDefinitions.Keys.Order(StringComparer.Ordinal))}",
                errorType: "NotFoundError", nonRetryable: true)));
        }

        var retry = pending.Options.RetryPolicy ?? new Common.RetryPolicy();
        var threshold = pending.Options.LocalRetryThreshold ?? TimeSpan.FromMinutes(1);
        var clock = Stopwatch.StartNew();
        var backoff = retry.InitialInterval;
        for (var attempt = 1; ; attempt++)
        {
            var (result, error) = Attempt(definition, pending, attempt);
            if (error is null)
            {
                return (result, null);
            }

            var nonRetryable = error is ApplicationFailureException { NonRetryable: true }
                || (retry.NonRetryableErrorTypes?.Contains(error is ApplicationFailureException app ? app.ErrorType ?? string.Empty : error.GetType().Name) ?? false);
            var attemptsLeft = retry.MaximumAttempts == 0 || attempt < retry.MaximumAttempts;
            var withinTime = clock.Elapsed + backoff < (pending.Options.ScheduleToCloseTimeout ?? TimeSpan.MaxValue) && backoff <= threshold;
            if (nonRetryable || !attemptsLeft || !withinTime)
            {
                // Backoff beyond the local retry threshold would need a durable timer; we fail instead (documented gap).
                return (null, Failure(error));
            }

            Thread.Sleep(backoff);
            backoff = TimeSpan.FromTicks(Math.Min((long)(backoff.Ticks * retry.BackoffCoefficient), (retry.MaximumInterval ?? retry.InitialInterval * 100).Ticks));
        }
    }

    private (Payloads? Result, Exception? Error) Attempt(ActivityDefinition definition, PendingLocalActivity pending, int attempt)
    {
        using var cancel = new CancellationTokenSource();
        if ((pending.Options.StartToCloseTimeout ?? pending.Options.ScheduleToCloseTimeout) is { } timeout)
        {
            cancel.CancelAfter(timeout);
        }

        var now = DateTime.UtcNow;
        var info = new ActivityInfo(
            ActivityId: pending.ActivityId,
            ActivityType: pending.ActivityType,
            Attempt: attempt,
            CurrentAttemptScheduledTime: now,
            DataConverter: Converter,
            HeartbeatDetails: [],
            HeartbeatTimeout: null,
            IsLocal: true,
            Namespace: Namespace,
            Priority: Common.Priority.Default,
            RetryPolicy: pending.Options.RetryPolicy,
            ScheduleToCloseTimeout: pending.Options.ScheduleToCloseTimeout,
            ScheduledTime: now,
            StartToCloseTimeout: pending.Options.StartToCloseTimeout,
            StartedTime: now,
            TaskQueue: TaskQueue,
            TaskToken: [],
            WorkflowId: WorkflowId,
            WorkflowNamespace: Namespace,
            WorkflowRunId: Info?.RunId ?? string.Empty,
            WorkflowType: Definition.Name);
        var context = new ActivityExecutionContext(info, cancel, CancellationToken.None, _ => { }, logger);
        try
        {
            LocalActivitySlots?.Wait(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            return (null, new ApplicationFailureException($"local activity {pending.ActivityType} timed out waiting for a free local activity slot", errorType: "LocalActivityTimeout"));
        }

        try
        {
            // On the thread pool, outside the workflow scheduler: activity code may do anything.
            var value = Task.Run(async () =>
            {
                ActivityExecutionContext.SetCurrent(context);
                return await definition.InvokeAsync(pending.Args).ConfigureAwait(false);
            }).WaitAsync(cancel.Token).GetAwaiter().GetResult();
            return (definition.ReturnType == typeof(void) ? null : EncodeValues([value]), null);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return (null, new ApplicationFailureException($"local activity {pending.ActivityType} timed out", errorType: "LocalActivityTimeout"));
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Local activity {ActivityType} attempt {Attempt} failed", pending.ActivityType, attempt);
            return (null, ex);
        }
        finally
        {
            LocalActivitySlots?.Release();
        }
    }

    private Failure Failure(Exception error) => Converter.FailureConverter.ToFailure(error, Converter.PayloadConverter);

    private Command LocalActivityMarker(PendingLocalActivity pending, Payloads? result, Failure? failure)
    {
        var marker = new RecordMarkerCommandAttributes { MarkerName = LocalActivityMarkerName, Failure = failure };
        var data = new Payloads();
        data.Payloads_.Add(Converter.PayloadConverter.ToPayload(new Dictionary<string, object>
        {
            ["seq"] = pending.Seq,
            ["activityId"] = pending.ActivityId,
            ["activityType"] = pending.ActivityType,
        }));
        marker.Details["data"] = data;
        if (result is not null)
        {
            marker.Details["result"] = result;
        }

        return new Command { CommandType = CommandType.RecordMarker, RecordMarkerCommandAttributes = marker };
    }

    private sealed record PendingLocalActivity(
        int Seq, string ActivityType, string ActivityId, object?[] Args, LocalActivityOptions Options, System.Type ResultType, TaskCompletionSource<object?> Result);
}
