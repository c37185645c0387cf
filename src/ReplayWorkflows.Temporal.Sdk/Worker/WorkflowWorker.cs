using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Query.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Client;
using Temporalio.Converters;
using Temporalio.Exceptions;
using Temporalio.Workflows;
using Temporalio.Workflows.Runtime;

namespace Temporalio.Worker;

/// <summary>
/// Polls a task queue for workflow tasks, keeps running workflows in a bounded cache, and drives each task through
/// its <see cref="WorkflowInstance"/> on a dedicated thread with a deadlock detector.
/// </summary>
internal sealed partial class WorkflowWorker
{
    private static readonly TimeSpan DeadlockTimeout = TimeSpan.FromSeconds(2);
    private readonly TemporalClient client;
    private readonly TemporalWorkerOptions options;
    private readonly string identity;
    private readonly Dictionary<string, WorkflowDefinition> workflows;
    private readonly ILogger logger;
    private readonly WorkflowCache cache;
    private readonly SemaphoreSlim localActivitySlots;
    private readonly Dictionary<string, Activities.ActivityDefinition> localActivities;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> runLocks = new(StringComparer.Ordinal);

    public WorkflowWorker(TemporalClient client, TemporalWorkerOptions options, string identity, ILogger logger)
    {
        this.client = client;
        this.options = options;
        this.identity = identity;
        this.logger = logger;
        workflows = new Dictionary<string, WorkflowDefinition>(StringComparer.Ordinal);
        foreach (var definition in options.Workflows)
        {
            if (!workflows.TryAdd(definition.Name, definition))
            {
                throw new ArgumentException($"two workflows are named {definition.Name}; workflow names must be unique per worker");
            }
        }

        cache = new WorkflowCache(Math.Max(1, options.MaxCachedWorkflows));
        var localSlots = Math.Max(1, options.MaxConcurrentLocalActivities ?? TemporalWorkerOptions.DefaultMaxConcurrency);
        localActivitySlots = new SemaphoreSlim(localSlots, localSlots);
        localActivities = options.Activities.GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public async Task RunAsync(CancellationToken stopPolling)
    {
        var poller = new TaskPoller<PollWorkflowTaskQueueResponse>(
            $"workflow task queue {options.TaskQueue}", options.MaxConcurrentWorkflowTaskPolls, options.MaxConcurrentWorkflowTasks ?? TemporalWorkerOptions.DefaultMaxConcurrency,
            token => client.WorkflowService.PollWorkflowTaskQueueAsync(new PollWorkflowTaskQueueRequest
            {
                Namespace = client.Options.Namespace,
                TaskQueue = new TaskQueue { Name = options.TaskQueue, Kind = TaskQueueKind.Normal },
                Identity = identity,
            }, new RpcOptions { CancellationToken = token, Timeout = TimeSpan.FromSeconds(75), Retry = false }),
            task => task.TaskToken.IsEmpty,
            HandleAsync,
            logger);
        await poller.RunAsync(stopPolling).ConfigureAwait(false);
        await Task.WhenAll(poller.Running).ConfigureAwait(false);
    }

    private async Task HandleAsync(PollWorkflowTaskQueueResponse task)
    {
        var runId = task.WorkflowExecution.RunId;
        var runLock = runLocks.GetOrAdd(runId, _ => new SemaphoreSlim(1, 1));
        await runLock.WaitAsync().ConfigureAwait(false);
        try
        {
            var events = await FullHistoryAsync(task).ConfigureAwait(false);
            var instance = task.Query is null ? cache.Get(runId) : null;
            if (instance is not null && !ContinuesFrom(instance, events))
            {
                // Our last reply did not land as we thought (timed out, failed): rebuild from history.
                cache.Remove(runId);
                instance = null;
            }

            if (Codec is { } codec)
            {
                // Workflow code sees decoded payloads; everything it sends back is encoded below. A cached instance
                // has applied its events already, so only the ones after them are decoded (a query replays them all).
                var applied = instance?.LastEventId ?? 0;
                foreach (var e in events.Where(e => e.EventId > applied))
                {
                    await PayloadVisitor.DecodeAsync(codec, e).ConfigureAwait(false);
                }

                if (task.Query is not null)
                {
                    await PayloadVisitor.DecodeAsync(codec, task.Query).ConfigureAwait(false);
                }

                foreach (var query in task.Queries.Values)
                {
                    await PayloadVisitor.DecodeAsync(codec, query).ConfigureAwait(false);
                }
            }

            if (task.Query is not null)
            {
                await AnswerLegacyQueryAsync(task, events).ConfigureAwait(false);
                return;
            }

            if (!workflows.TryGetValue(task.WorkflowType.Name, out var definition))
            {
                await FailTaskAsync(task, new InvalidOperationException(
                    $"Workflow class {task.WorkflowType.Name} is not registered on this worker, available workflows: {string.Join(", ", workflows.Keys.Order(StringComparer.Ordinal))}"),
                    WorkflowTaskFailedCause.WorkflowWorkerUnhandledFailure).ConfigureAwait(false);
                return;
            }

            instance ??= NewInstance(definition, task.WorkflowExecution.WorkflowId);
            var outcome = await ProcessAsync(instance, events).ConfigureAwait(false);
            if (outcome is null)
            {
                cache.Remove(runId);
                await FailTaskAsync(task, new InvalidWorkflowOperationException(
                    $"[TMPRL1101] Potential deadlock detected: workflow {definition.Name} did not yield within {DeadlockTimeout.TotalSeconds} s"),
                    WorkflowTaskFailedCause.WorkflowWorkerUnhandledFailure).ConfigureAwait(false);
                return;
            }

            if (outcome.TaskFailure is not null)
            {
                cache.Remove(runId);
                LogTaskFailed(logger, definition.Name, task.WorkflowExecution.WorkflowId, outcome.TaskFailure.Message);
                var failed = new RespondWorkflowTaskFailedRequest
                {
                    Namespace = client.Options.Namespace,
                    TaskToken = task.TaskToken,
                    Cause = outcome.FailureCause,
                    Failure = outcome.TaskFailure,
                    Identity = identity,
                };
                await EncodeAsync(failed).ConfigureAwait(false);
                await client.WorkflowService.RespondWorkflowTaskFailedAsync(failed, new RpcOptions { Timeout = TimeSpan.FromSeconds(30) }).ConfigureAwait(false);
                return;
            }

            var completed = new RespondWorkflowTaskCompletedRequest
            {
                Namespace = client.Options.Namespace,
                TaskToken = task.TaskToken,
                Identity = identity,
            };
            completed.Commands.AddRange(outcome.Commands);
            foreach (var (id, query) in task.Queries)
            {
                completed.QueryResults[id] = RunQuery(instance, query);
            }

            cache.Put(runId, instance);
            await EncodeAsync(completed).ConfigureAwait(false);
            await client.WorkflowService.RespondWorkflowTaskCompletedAsync(completed, new RpcOptions { Timeout = TimeSpan.FromSeconds(30) }).ConfigureAwait(false);
            if (instance.IsCompleted)
            {
                cache.Remove(runId);
            }
        }
        catch (Exception ex) when (ex is RpcException or RpcTimeoutOrCanceledException)
        {
            // The task timed out on the server or the server is unreachable; the server dispatches it again.
            cache.Remove(runId);
            LogRespondFailed(logger, ex, task.WorkflowType.Name, task.WorkflowExecution.WorkflowId);
        }
        finally
        {
            runLock.Release();
        }
    }

    private IPayloadCodec? Codec => client.Options.DataConverter.PayloadCodec;

    private async Task EncodeAsync(Google.Protobuf.IMessage reply)
    {
        if (Codec is { } codec)
        {
            await PayloadVisitor.EncodeAsync(codec, reply).ConfigureAwait(false);
        }
    }

    private static bool ContinuesFrom(WorkflowInstance instance, IReadOnlyList<HistoryEvent> events)
    {
        // After our reply the next event must be the completion of the task we answered.
        var next = events.FirstOrDefault(e => e.EventId == instance.LastEventId + 1);
        return next is not null && next.EventType == EventType.WorkflowTaskCompleted;
    }

    private WorkflowInstance NewInstance(WorkflowDefinition definition, string workflowId) =>
        new(definition, client.Options.Namespace, options.TaskQueue!, client.Options.DataConverter, logger, options.WorkflowFailureExceptionTypes)
        {
            WorkflowId = workflowId,
            LocalActivityDefinitions = localActivities,
            LocalActivitySlots = localActivitySlots,
        };

    /// <summary>Runs the instance on its own thread; null means it did not yield in time (a deadlock).</summary>
    private async Task<WorkflowTaskOutcome?> ProcessAsync(WorkflowInstance instance, IReadOnlyList<HistoryEvent> events)
    {
        var work = Task.Factory.StartNew(() => instance.ProcessEvents(events), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        while (true)
        {
            if (await Task.WhenAny(work, Task.Delay(DeadlockTimeout)).ConfigureAwait(false) == work)
            {
                return await work.ConfigureAwait(false);
            }

            if (!options.DebugMode && instance.ActivationStartedAt is { } started && DateTime.UtcNow - started > DeadlockTimeout)
            {
                return null;
            }
        }
    }

    private async Task AnswerLegacyQueryAsync(PollWorkflowTaskQueueResponse task, IReadOnlyList<HistoryEvent> events)
    {
        var request = new RespondQueryTaskCompletedRequest { Namespace = client.Options.Namespace, TaskToken = task.TaskToken };
        if (!workflows.TryGetValue(task.WorkflowType.Name, out var definition))
        {
            request.CompletedType = QueryResultType.Failed;
            request.ErrorMessage = $"Workflow class {task.WorkflowType.Name} is not registered on this worker";
        }
        else
        {
            // Queries see the state after the last completed task, so replay into a fresh instance (not the cached one).
            var instance = NewInstance(definition, task.WorkflowExecution.WorkflowId);
            var completedEvents = events.Take(LastCompletedTaskEnd(events)).ToList();
            var outcome = await ProcessAsync(instance, completedEvents).ConfigureAwait(false);
            var result = outcome is null || outcome.TaskFailure is not null
                ? new WorkflowQueryResult { ResultType = QueryResultType.Failed, ErrorMessage = outcome?.TaskFailure?.Message ?? "workflow deadlocked while replaying for a query" }
                : RunQuery(instance, task.Query);
            request.CompletedType = result.ResultType;
            request.QueryResult = result.Answer;
            request.ErrorMessage = result.ErrorMessage;
        }

        await EncodeAsync(request).ConfigureAwait(false);
        await client.WorkflowService.RespondQueryTaskCompletedAsync(request, new RpcOptions { Timeout = TimeSpan.FromSeconds(30) }).ConfigureAwait(false);
    }

    private static int LastCompletedTaskEnd(IReadOnlyList<HistoryEvent> events)
    {
        // Drop a trailing scheduled or started task: its events have not been applied by any workflow code yet.
        var end = events.Count;
        for (var i = events.Count - 1; i >= 0; i--)
        {
            if (events[i].EventType is EventType.WorkflowTaskCompleted)
            {
                break;
            }

            if (events[i].EventType is EventType.WorkflowTaskStarted or EventType.WorkflowTaskScheduled)
            {
                end = i;
            }
        }

        return end;
    }

    private static WorkflowQueryResult RunQuery(WorkflowInstance instance, WorkflowQuery query)
    {
        try
        {
            var answer = new Api.Common.V1.Payloads();
            answer.Payloads_.Add(instance.Query(query.QueryType, query.QueryArgs));
            return new WorkflowQueryResult { ResultType = QueryResultType.Answered, Answer = answer };
        }
        catch (Exception ex)
        {
            return new WorkflowQueryResult { ResultType = QueryResultType.Failed, ErrorMessage = ex.Message };
        }
    }

    private async Task<IReadOnlyList<HistoryEvent>> FullHistoryAsync(PollWorkflowTaskQueueResponse task)
    {
        var events = new List<HistoryEvent>(task.History?.Events ?? []);
        var token = task.NextPageToken;
        while (!token.IsEmpty)
        {
            var page = await client.WorkflowService.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
            {
                Namespace = client.Options.Namespace,
                Execution = task.WorkflowExecution,
                NextPageToken = token,
            }, new RpcOptions { Timeout = TimeSpan.FromSeconds(30) }).ConfigureAwait(false);
            events.AddRange(page.History?.Events ?? []);
            token = page.NextPageToken;
        }

        return events;
    }

    private async Task FailTaskAsync(PollWorkflowTaskQueueResponse task, Exception error, WorkflowTaskFailedCause cause) =>
        await client.WorkflowService.RespondWorkflowTaskFailedAsync(new RespondWorkflowTaskFailedRequest
        {
            Namespace = client.Options.Namespace,
            TaskToken = task.TaskToken,
            Cause = cause,
            Failure = new Failure { Message = error.Message, StackTrace = error.StackTrace ?? string.Empty, ApplicationFailureInfo = new ApplicationFailureInfo { Type = error.GetType().Name } },
            Identity = identity,
        }, new RpcOptions { Timeout = TimeSpan.FromSeconds(30) }).ConfigureAwait(false);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Workflow task of {WorkflowType} ({WorkflowId}) failed: {Reason}")]
    private static partial void LogTaskFailed(ILogger logger, string workflowType, string workflowId, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Could not report workflow task of {WorkflowType} ({WorkflowId}) to the server")]
    private static partial void LogRespondFailed(ILogger logger, Exception exception, string workflowType, string workflowId);

    /// <summary>Running workflows by run id, least recently used evicted first.</summary>
    private sealed class WorkflowCache(int capacity)
    {
        private readonly Dictionary<string, LinkedListNode<(string RunId, WorkflowInstance Instance)>> byRun = new(StringComparer.Ordinal);
        private readonly LinkedList<(string RunId, WorkflowInstance Instance)> order = new();

        public WorkflowInstance? Get(string runId)
        {
            lock (order)
            {
                if (!byRun.TryGetValue(runId, out var node))
                {
                    return null;
                }

                order.Remove(node);
                order.AddFirst(node);
                return node.Value.Instance;
            }
        }

        public void Put(string runId, WorkflowInstance instance)
        {
            lock (order)
            {
                if (byRun.TryGetValue(runId, out var existing))
                {
                    order.Remove(existing);
                }

                byRun[runId] = order.AddFirst((runId, instance));
                while (byRun.Count > capacity && order.Last is { } last)
                {
                    order.RemoveLast();
                    byRun.Remove(last.Value.RunId);
                }
            }
        }

        public void Remove(string runId)
        {
            lock (order)
            {
                if (byRun.Remove(runId, out var node))
                {
                    order.Remove(node);
                }
            }
        }
    }
}
