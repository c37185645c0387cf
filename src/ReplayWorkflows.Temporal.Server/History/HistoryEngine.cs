using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;
using ReplayWorkflows.Temporal.Api.Grpc;
using ReplayWorkflows.Temporal.Server.Matching;
using ReplayWorkflows.Temporal.Server.Persistence;
using ReplayWorkflows.Temporal.Server.Timers;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.ErrorDetails.V1;
using Temporalio.Api.History.V1;

namespace ReplayWorkflows.Temporal.Server.History;

/// <summary>
/// Owns every run's mutable state. Each operation runs under one lock, commits all runs it changed in one store
/// transaction, and only then dispatches tasks, arms timers and wakes history long polls, so nothing uncommitted
/// is ever visible to a worker.
/// </summary>
internal sealed partial class HistoryEngine
{
    private readonly object gate = new();
    private readonly Dictionary<ExecutionKey, MutableState> runs = [];
    private readonly Dictionary<(string Namespace, string WorkflowId), MutableState> current = [];
    private readonly Dictionary<ExecutionKey, TaskCompletionSource> historyWaiters = [];
    private readonly HashSet<MutableState> dirty = [];
    private readonly List<Action> afterCommit = [];
    private readonly TaskQueueManager matching;
    private readonly TimerQueue timers;
    private readonly IExecutionStore store;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly Action<Exception> onStoreFailure;

    public HistoryEngine(TaskQueueManager matching, TimerQueue timers, IExecutionStore store, TimeProvider clock, ILogger logger, Action<Exception> onStoreFailure)
    {
        this.matching = matching;
        this.timers = timers;
        this.store = store;
        this.clock = clock;
        this.logger = logger;
        this.onStoreFailure = onStoreFailure;
    }

    public TaskQueueManager Matching => matching;

    /// <summary>Whether a search attribute may be set in a namespace; null accepts every name (engine tests).</summary>
    public Func<string, string, string?>? SearchAttributeProblem { get; set; }

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Runs <paramref name="operation"/> under the engine lock and commits what it changed.</summary>
    internal T Mutate<T>(Func<T> operation)
    {
        lock (gate)
        {
            try
            {
                var result = operation();
                RunDeferred();
                if (dirty.Count > 0)
                {
                    try
                    {
                        store.Commit(dirty);
                    }
                    catch (Exception ex)
                    {
                        onStoreFailure(ex);
                        throw new GrpcException(GrpcStatusCode.Unavailable, "The server's database is unavailable: " + ex.Message);
                    }

                    foreach (var run in dirty)
                    {
                        if (historyWaiters.Remove(run.Key, out var waiter))
                        {
                            waiter.TrySetResult();
                        }
                    }
                }

                foreach (var action in afterCommit)
                {
                    action();
                }

                return result;
            }
            finally
            {
                dirty.Clear();
                afterCommit.Clear();
                deferred.Clear();
            }
        }
    }

    internal void Mutate(Action operation) => Mutate(() =>
    {
        operation();
        return true;
    });

    /// <summary>Reads under the lock without changing anything.</summary>
    internal T Read<T>(Func<T> read)
    {
        lock (gate)
        {
            return read();
        }
    }

    private void Touch(MutableState run) => dirty.Add(run);

    private void After(Action action) => afterCommit.Add(action);

    private HistoryEvent NewEvent(EventType type) => new()
    {
        EventType = type,
        EventTime = Timestamp.FromDateTimeOffset(Now),
        TaskId = 1048576 + runs.Count,
    };

    private HistoryEvent Append(MutableState run, HistoryEvent e)
    {
        Touch(run);
        return run.Append(e);
    }

    /// <summary>
    /// Adds an event that did not come from a command. While a workflow task runs it is buffered, otherwise it is
    /// written and a workflow task is scheduled for it.
    /// </summary>
    private void AddExternal(MutableState run, HistoryEvent e, bool needsWorkflowTask = true)
    {
        Touch(run);
        if (run.WorkflowTask is { IsStarted: true })
        {
            run.Buffered.Add(e);
            return;
        }

        AppendWithFixups(run, e);

        // A run still waiting out its first-task backoff (delayed start, retry, cron) gets the event with that task.
        if (needsWorkflowTask && !(run.FirstWorkflowTaskDue > Now))
        {
            ScheduleWorkflowTask(run);
        }
    }

    /// <summary>Writes buffered events after the task that was running completes, failed or timed out.</summary>
    private bool FlushBuffered(MutableState run)
    {
        if (run.Buffered.Count == 0)
        {
            return false;
        }

        var buffered = run.Buffered.ToList();
        run.Buffered.Clear();
        foreach (var e in buffered)
        {
            e.EventTime ??= Timestamp.FromDateTimeOffset(Now);
            AppendWithFixups(run, e);
        }

        Touch(run);
        return true;
    }

    /// <summary>Resolution events point at their started event, whose id is only known once it is written.</summary>
    private void AppendWithFixups(MutableState run, HistoryEvent e)
    {
        var previous = run.Events.Count > 0 ? run.Events[^1] : null;
        long StartedFor(long scheduledId) =>
            previous is { ActivityTaskStartedEventAttributes: { } s } && s.ScheduledEventId == scheduledId ? previous.EventId : 0;

        switch (e.AttributesCase)
        {
            case HistoryEvent.AttributesOneofCase.ActivityTaskCompletedEventAttributes:
                var completed = e.ActivityTaskCompletedEventAttributes;
                completed.StartedEventId = StartedFor(completed.ScheduledEventId);
                break;
            case HistoryEvent.AttributesOneofCase.ActivityTaskFailedEventAttributes:
                var failed = e.ActivityTaskFailedEventAttributes;
                failed.StartedEventId = StartedFor(failed.ScheduledEventId);
                break;
            case HistoryEvent.AttributesOneofCase.ActivityTaskTimedOutEventAttributes:
                var timedOut = e.ActivityTaskTimedOutEventAttributes;
                timedOut.StartedEventId = StartedFor(timedOut.ScheduledEventId);
                break;
            case HistoryEvent.AttributesOneofCase.ActivityTaskCanceledEventAttributes:
                var canceled = e.ActivityTaskCanceledEventAttributes;
                canceled.StartedEventId = StartedFor(canceled.ScheduledEventId);
                break;
            case HistoryEvent.AttributesOneofCase.ChildWorkflowExecutionCompletedEventAttributes:
                e.ChildWorkflowExecutionCompletedEventAttributes.StartedEventId = ChildStarted(run, e.ChildWorkflowExecutionCompletedEventAttributes.InitiatedEventId);
                break;
            case HistoryEvent.AttributesOneofCase.ChildWorkflowExecutionFailedEventAttributes:
                e.ChildWorkflowExecutionFailedEventAttributes.StartedEventId = ChildStarted(run, e.ChildWorkflowExecutionFailedEventAttributes.InitiatedEventId);
                break;
            case HistoryEvent.AttributesOneofCase.ChildWorkflowExecutionCanceledEventAttributes:
                e.ChildWorkflowExecutionCanceledEventAttributes.StartedEventId = ChildStarted(run, e.ChildWorkflowExecutionCanceledEventAttributes.InitiatedEventId);
                break;
            case HistoryEvent.AttributesOneofCase.ChildWorkflowExecutionTimedOutEventAttributes:
                e.ChildWorkflowExecutionTimedOutEventAttributes.StartedEventId = ChildStarted(run, e.ChildWorkflowExecutionTimedOutEventAttributes.InitiatedEventId);
                break;
            case HistoryEvent.AttributesOneofCase.ChildWorkflowExecutionTerminatedEventAttributes:
                e.ChildWorkflowExecutionTerminatedEventAttributes.StartedEventId = ChildStarted(run, e.ChildWorkflowExecutionTerminatedEventAttributes.InitiatedEventId);
                break;
            default:
                break;
        }

        Append(run, e);
    }

    private static long ChildStarted(MutableState run, long initiatedEventId) =>
        run.Children.TryGetValue(initiatedEventId, out var child) ? child.StartedEventId : 0;

    private MutableState? FindRun(string ns, string workflowId, string? runId)
    {
        if (string.IsNullOrEmpty(runId))
        {
            return current.GetValueOrDefault((ns, workflowId));
        }

        return runs.GetValueOrDefault(new ExecutionKey(ns, workflowId, runId));
    }

    private MutableState GetRun(string ns, string workflowId, string? runId)
    {
        if (string.IsNullOrEmpty(workflowId))
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "WorkflowId is not set on request.");
        }

        if (!string.IsNullOrEmpty(runId) && !Guid.TryParse(runId, out _))
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "Invalid RunId.");
        }

        return FindRun(ns, workflowId, runId)
            ?? throw new GrpcException(GrpcStatusCode.NotFound, $"workflow not found for ID: {workflowId}", new NotFoundFailure());
    }

    /// <summary>Waits until the run changes (or the timeout passes); used by history long polls.</summary>
    internal Task WaitForChangeAsync(ExecutionKey key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task wait;
        lock (gate)
        {
            if (!historyWaiters.TryGetValue(key, out var waiter))
            {
                waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                historyWaiters[key] = waiter;
            }

            wait = waiter.Task;
        }

        return wait.WaitAsync(timeout, cancellationToken);
    }

    /// <summary>Every run of a namespace; call inside <see cref="Read{T}"/>.</summary>
    internal IEnumerable<MutableState> AllRunsLocked(string ns) => runs.Values.Where(r => r.Key.Namespace == ns);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Workflow {WorkflowId} run {RunId} started")]
    private static partial void LogStarted(ILogger logger, string workflowId, string runId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Workflow {WorkflowId} run {RunId} closed as {Status}")]
    private static partial void LogClosed(ILogger logger, string workflowId, string runId, WorkflowExecutionStatus status);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Workflow task of {WorkflowId} failed (attempt {Attempt}): {Cause} {Message}")]
    private static partial void LogWorkflowTaskFailed(ILogger logger, string workflowId, int attempt, WorkflowTaskFailedCause cause, string message);
}
