using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Temporalio.Activities;
using Temporalio.Api.Common.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Client;
using Temporalio.Converters;
using Temporalio.Exceptions;

namespace Temporalio.Worker;

/// <summary>
/// Polls a task queue for activity tasks and runs them with bounded concurrency. Heartbeats are throttled
/// (0.8 x heartbeat timeout, 30 s without one, at most 60 s); cancellation arrives in heartbeat replies.
/// </summary>
internal sealed partial class ActivityWorker
{
    private readonly TemporalClient client;
    private readonly TemporalWorkerOptions options;
    private readonly string identity;
    private readonly Dictionary<string, ActivityDefinition> activities;
    private readonly ILogger logger;
    private TaskPoller<PollActivityTaskQueueResponse>? poller;
    private readonly ConcurrentDictionary<ActivityExecutionContext, byte> contexts = new();

    public ActivityWorker(TemporalClient client, TemporalWorkerOptions options, string identity, ILogger logger)
    {
        this.client = client;
        this.options = options;
        this.identity = identity;
        this.logger = logger;
        activities = new Dictionary<string, ActivityDefinition>(StringComparer.Ordinal);
        foreach (var definition in options.Activities)
        {
            if (!activities.TryAdd(definition.Name, definition))
            {
                throw new ArgumentException($"two activities are named {definition.Name}; activity names must be unique per worker");
            }
        }
    }

    private DataConverter Converter => client.Options.DataConverter;

    /// <summary>Polls until <paramref name="stopPolling"/> fires, then waits for in-flight activities (see shutdown).</summary>
    public async Task RunAsync(CancellationToken stopPolling, CancellationToken workerShutdown)
    {
        poller = new TaskPoller<PollActivityTaskQueueResponse>(
            $"activity task queue {options.TaskQueue}", options.MaxConcurrentActivityTaskPolls, options.MaxConcurrentActivities ?? TemporalWorkerOptions.DefaultMaxConcurrency,
            token => client.WorkflowService.PollActivityTaskQueueAsync(new PollActivityTaskQueueRequest
            {
                Namespace = client.Options.Namespace,
                TaskQueue = new TaskQueue { Name = options.TaskQueue, Kind = Api.Enums.V1.TaskQueueKind.Normal },
                Identity = identity,
            }, new RpcOptions { CancellationToken = token, Timeout = TimeSpan.FromSeconds(75), Retry = false }),
            task => task.TaskToken.IsEmpty,
            task => ExecuteAsync(task, workerShutdown),
            logger);
        await poller.RunAsync(stopPolling).ConfigureAwait(false);
    }

    /// <summary>Waits for running activities; after <paramref name="grace"/>, cancels them with reason WorkerShutdown.</summary>
    public async Task DrainAsync(TimeSpan grace)
    {
        var all = Task.WhenAll(poller?.Running ?? []);
        if (await Task.WhenAny(all, Task.Delay(grace)).ConfigureAwait(false) != all)
        {
            foreach (var context in contexts.Keys)
            {
                context.Cancel(ActivityCancelReason.WorkerShutdown);
            }
        }

        await all.ConfigureAwait(false);
    }

    private async Task ExecuteAsync(PollActivityTaskQueueResponse task, CancellationToken workerShutdown)
    {
        // Workflow fields stay null for an activity no workflow scheduled.
        var workflowId = string.IsNullOrEmpty(task.WorkflowExecution?.WorkflowId) ? null : task.WorkflowExecution.WorkflowId;
        var info = new ActivityInfo(
            ActivityId: task.ActivityId,
            ActivityType: task.ActivityType.Name,
            Attempt: task.Attempt,
            CurrentAttemptScheduledTime: task.CurrentAttemptScheduledTime?.ToDateTime() ?? DateTime.UtcNow,
            DataConverter: Converter,
            HeartbeatDetails: task.HeartbeatDetails?.Payloads_.ToList() ?? [],
            HeartbeatTimeout: NullIfZero(task.HeartbeatTimeout),
            IsLocal: false,
            Namespace: task.WorkflowNamespace.Length > 0 ? task.WorkflowNamespace : client.Options.Namespace,
            Priority: Common.Priority.FromProto(task.Priority),
            RetryPolicy: task.RetryPolicy is { } retry ? Common.RetryPolicy.FromProto(retry) : null,
            ScheduleToCloseTimeout: NullIfZero(task.ScheduleToCloseTimeout),
            ScheduledTime: task.ScheduledTime?.ToDateTime() ?? DateTime.UtcNow,
            StartToCloseTimeout: NullIfZero(task.StartToCloseTimeout),
            StartedTime: task.StartedTime?.ToDateTime() ?? DateTime.UtcNow,
            TaskQueue: options.TaskQueue!,
            TaskToken: task.TaskToken.ToByteArray(),
            WorkflowId: workflowId,
            WorkflowNamespace: workflowId is null ? null : task.WorkflowNamespace,
            WorkflowRunId: workflowId is null ? null : task.WorkflowExecution!.RunId,
            WorkflowType: workflowId is null ? null : task.WorkflowType?.Name);
        using var cancel = new CancellationTokenSource();
        var heartbeats = new Heartbeater(this, task.TaskToken, HeartbeatInterval(info));
        var context = new ActivityExecutionContext(info, cancel, workerShutdown, heartbeats.Record, logger);
        heartbeats.Context = context;
        contexts[context] = 0;

        // The start-to-close timeout is enforced by the server; cancelling locally at the deadline frees the slot.
        using var deadline = info.StartToCloseTimeout is { } timeout
            ? new Timer(_ => context.Cancel(ActivityCancelReason.Timeout), null, timeout, Timeout.InfiniteTimeSpan)
            : null;
        try
        {

            Payloads? result = null;
            Exception? error = null;
            try
            {
                ActivityExecutionContext.SetCurrent(context);
                result = await RunActivityAsync(task, info).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                error = ex;
            }
            finally
            {
                ActivityExecutionContext.SetCurrent(null);
                await heartbeats.StopAsync().ConfigureAwait(false);
            }

            await RespondAsync(task.TaskToken, context, result, error).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RpcException or RpcTimeoutOrCanceledException)
        {
            // The server no longer knows the task (timed out, cancelled) or is unreachable: nothing is lost, it retries.
            LogRespondFailed(logger, ex, info.ActivityType, info.ActivityId);
        }
        finally
        {
            contexts.TryRemove(context, out _);
        }
    }

    private async Task<Payloads?> RunActivityAsync(PollActivityTaskQueueResponse task, ActivityInfo info)
    {
        if (!activities.TryGetValue(info.ActivityType, out var definition))
        {
            throw new ApplicationFailureException(
                $"Activity function {info.ActivityType} is not registered on this worker, available activities: {string.Join(", ", activities.Keys.Order(StringComparer.Ordinal))}",
                errorType: "NotFoundError");
        }

        var inputs = task.Input?.Payloads_ ?? [];
        if (inputs.Count < definition.RequiredParameterCount || inputs.Count > definition.ParameterTypes.Count)
        {
            throw new ApplicationFailureException(
                $"Activity {definition.Name} takes {definition.RequiredParameterCount}..{definition.ParameterTypes.Count} arguments but received {inputs.Count}",
                errorType: "ArgumentError", nonRetryable: true);
        }

        var args = new object?[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            try
            {
                args[i] = await Converter.ToValueAsync(inputs[i], definition.ParameterTypes[i]).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidCastException)
            {
                throw new ApplicationFailureException(
                    $"Activity {definition.Name}: argument {i} cannot be read as {definition.ParameterTypes[i].Name}: {ex.Message}",
                    ex, errorType: "ArgumentError", nonRetryable: true);
            }
        }

        var value = await definition.InvokeAsync(args).ConfigureAwait(false);
        return definition.ReturnType == typeof(void) ? null : await Converter.ToPayloadsMessageAsync([value]).ConfigureAwait(false);
    }

    private async Task RespondAsync(ByteString token, ActivityExecutionContext context, Payloads? result, Exception? error)
    {
        var service = client.WorkflowService;
        var rpc = new RpcOptions { Timeout = TimeSpan.FromSeconds(30) };
        if (error is null)
        {
            await service.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest
            {
                Namespace = client.Options.Namespace, TaskToken = token, Result = result, Identity = identity,
            }, rpc).ConfigureAwait(false);
            return;
        }

        var cancelled = TemporalException.IsCanceledException(error) && context.CancelReason == ActivityCancelReason.CancelRequested;
        if (cancelled)
        {
            await service.RespondActivityTaskCanceledAsync(new RespondActivityTaskCanceledRequest
            {
                Namespace = client.Options.Namespace, TaskToken = token, Identity = identity,
            }, rpc).ConfigureAwait(false);
            return;
        }

        if (TemporalException.IsCanceledException(error) && context.CancelReason is ActivityCancelReason.Timeout or ActivityCancelReason.GoneFromServer)
        {
            // The server has already timed the attempt out or forgotten it; a reply would be rejected.
            return;
        }

        var failure = await Converter.ToFailureAsync(error).ConfigureAwait(false);
        await service.RespondActivityTaskFailedAsync(new RespondActivityTaskFailedRequest
        {
            Namespace = client.Options.Namespace, TaskToken = token, Failure = failure, Identity = identity,
        }, rpc).ConfigureAwait(false);
    }

    private static TimeSpan? NullIfZero(Google.Protobuf.WellKnownTypes.Duration? duration) =>
        duration is null || duration.ToTimeSpan() == TimeSpan.Zero ? null : duration.ToTimeSpan();

    private static TimeSpan HeartbeatInterval(ActivityInfo info)
    {
        var interval = info.HeartbeatTimeout is { } timeout ? timeout * 0.8 : TimeSpan.FromSeconds(30);
        return interval > TimeSpan.FromSeconds(60) ? TimeSpan.FromSeconds(60) : interval;
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Could not report the outcome of activity {ActivityType} ({ActivityId}) to the server")]
    private static partial void LogRespondFailed(ILogger logger, Exception exception, string activityType, string activityId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Heartbeat of activity {ActivityType} ({ActivityId}) failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception, string activityType, string activityId);

    /// <summary>
    /// Sends at most one heartbeat per interval: the first at once, later ones with the latest details when the
    /// interval passes. A reply asking for cancellation cancels the activity's token.
    /// </summary>
    private sealed class Heartbeater(ActivityWorker worker, ByteString token, TimeSpan interval)
    {
        private readonly object gate = new();
        private object?[]? pending;
        private bool hasPending;
        private DateTime lastSent = DateTime.MinValue;
        private readonly CancellationTokenSource stopping = new();
        private Task sending = Task.CompletedTask;
        private bool stopped;

        public ActivityExecutionContext? Context { get; set; }

        public void Record(object?[] details)
        {
            lock (gate)
            {
                if (stopped)
                {
                    return;
                }

                pending = details;
                hasPending = true;
                if (sending.IsCompleted)
                {
                    sending = SendLoopAsync();
                }
            }
        }

        public async Task StopAsync()
        {
            Task last;
            lock (gate)
            {
                stopped = true;
                last = sending;
            }

            // A throttled heartbeat still waiting is dropped: the outcome the activity is about to report supersedes it.
            await stopping.CancelAsync().ConfigureAwait(false);
            try
            {
                await last.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Heartbeat failures are logged where they happen.
            }
        }

        private async Task SendLoopAsync()
        {
            while (true)
            {
                var wait = lastSent + interval - DateTime.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(wait, stopping.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                object?[] details;
                lock (gate)
                {
                    if (!hasPending || stopped)
                    {
                        return;
                    }

                    details = pending!;
                    hasPending = false;
                }

                lastSent = DateTime.UtcNow;
                await SendAsync(details).ConfigureAwait(false);
            }
        }

        private async Task SendAsync(object?[] details)
        {
            var context = Context!;
            try
            {
                var reply = await worker.client.WorkflowService.RecordActivityTaskHeartbeatAsync(new RecordActivityTaskHeartbeatRequest
                {
                    Namespace = worker.client.Options.Namespace,
                    TaskToken = token,
                    Details = await worker.Converter.ToPayloadsMessageAsync(details).ConfigureAwait(false),
                    Identity = worker.identity,
                }, new RpcOptions { Timeout = TimeSpan.FromSeconds(30) }).ConfigureAwait(false);
                if (reply.CancelRequested)
                {
                    context.Cancel(ActivityCancelReason.CancelRequested);
                }
            }
            catch (RpcException ex) when (ex.Code == RpcException.StatusCode.NotFound)
            {
                context.Cancel(ActivityCancelReason.GoneFromServer);
            }
            catch (Exception ex) when (ex is RpcException or RpcTimeoutOrCanceledException)
            {
                LogHeartbeatFailed(worker.logger, ex, context.Info.ActivityType, context.Info.ActivityId);
            }
        }
    }
}
