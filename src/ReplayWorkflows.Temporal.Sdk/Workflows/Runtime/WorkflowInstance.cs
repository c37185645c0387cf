using System.Reflection;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;
using Temporalio.Api.Command.V1;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Sdk.V1;
using Temporalio.Common;
using Temporalio.Converters;
using Temporalio.Exceptions;

namespace Temporalio.Workflows.Runtime;

/// <summary>
/// One workflow run on its own deterministic scheduler. History events become activations (jobs applied in a fixed
/// order, then the code runs until every task is blocked); commands the code emits are matched against the command
/// events of history on replay, and returned for the current workflow task otherwise.
/// </summary>
internal sealed partial class WorkflowInstance : TaskScheduler
{
    [ThreadStatic]
    private static WorkflowInstance? activeOnThread;

    private readonly LinkedList<Task> ready = new();
    private readonly List<PendingCommand> commands = [];
    private readonly Queue<PendingCommand> awaitingEvents = new();
    private readonly Dictionary<int, PendingActivity> activities = [];
    private readonly Dictionary<long, int> activityByScheduledEvent = [];
    private readonly Dictionary<int, PendingTimer> timers = [];
    private readonly Dictionary<int, PendingChild> children = [];
    private readonly Dictionary<long, int> childByInitiatedEvent = [];
    private readonly Dictionary<int, TaskCompletionSource<object?>> externals = [];
    private readonly Dictionary<long, int> externalByInitiatedEvent = [];
    private readonly List<(Func<bool> Predicate, TaskCompletionSource<bool> Done)> conditions = [];
    private readonly Dictionary<string, List<Payloads?>> bufferedSignals = new(StringComparer.Ordinal);
    private readonly HashSet<string> patchesInHistory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> patchDecisions = new(StringComparer.Ordinal);
    private readonly List<WorkflowJob> jobs = [];
    private readonly CancellationTokenSource cancellation = new();
    private readonly ILogger logger;
    private Thread? activationThread;
    private int nextSeq = 1;
    private object? workflow;
    private Task<object?>? runTask;
    private Command? closeCommand;
    private Exception? taskFailure;
    private string? illegalOperation;

    public WorkflowInstance(WorkflowDefinition definition, string @namespace, string taskQueue, DataConverter converter, ILogger logger,
        IReadOnlyCollection<System.Type>? failureExceptionTypes)
    {
        Definition = definition;
        Namespace = @namespace;
        TaskQueue = taskQueue;
        Converter = converter;
        this.logger = logger;
        FailureExceptionTypes = [.. failureExceptionTypes ?? [], .. definition.FailureExceptionTypes ?? []];
    }

    public WorkflowDefinition Definition { get; }

    public string Namespace { get; }

    public string TaskQueue { get; }

    public DataConverter Converter { get; }

    public IReadOnlyCollection<System.Type> FailureExceptionTypes { get; }

    public WorkflowInfo? Info { get; private set; }

    public DateTime UtcNow { get; private set; }

    public bool IsReplaying { get; private set; }

    public Common.DeterministicRandom Random { get; private set; } = new(0);

    public CancellationToken CancellationToken => cancellation.Token;

    public ILogger Logger => logger;

    public IReadOnlyDictionary<string, IRawValue> Memo { get; private set; } = new Dictionary<string, IRawValue>();

    public SearchAttributeCollection TypedSearchAttributes { get; private set; } = SearchAttributeCollection.Empty;

    /// <summary>The id of the last history event applied.</summary>
    public long LastEventId { get; private set; }

    /// <summary>Set while workflow code runs: when it started, for the deadlock detector.</summary>
    public DateTime? ActivationStartedAt { get; private set; }

    public bool IsCompleted => closeCommand is not null;

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>The instance whose code is running on this thread, or null outside workflow code.</summary>
    public static WorkflowInstance? Active => TaskScheduler.Current as WorkflowInstance ?? activeOnThread;

    /// <summary>
    /// Applies history events after <see cref="LastEventId"/>. Completed workflow tasks are replayed and their commands
    /// matched; the trailing started task (if any) runs live and its commands are returned.
    /// </summary>
    public WorkflowTaskOutcome ProcessEvents(IReadOnlyList<HistoryEvent> events)
    {
        activationThread = Thread.CurrentThread;
        try
        {
            IReadOnlyList<Command>? live = null;
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                if (e.EventId <= LastEventId)
                {
                    continue;
                }

                LastEventId = e.EventId;
                if (e.EventType == EventType.WorkflowTaskStarted)
                {
                    var next = NextTaskOutcome(events, i);
                    if (next == EventType.WorkflowTaskCompleted)
                    {
                        CollectPatches(events, i);
                        Activate(e, replaying: true);
                        ThrowIfFailed();
                    }
                    else if (next == EventType.Unspecified)
                    {
                        Activate(e, replaying: false);
                        ThrowIfFailed();
                        live = TakeCommands();
                    }

                    continue;
                }

                ApplyEvent(e);
            }

            ThrowIfFailed();
            return WorkflowTaskOutcome.Success(live ?? []);
        }
        catch (WorkflowNondeterminismException ex)
        {
            return WorkflowTaskOutcome.Failed(Converter.FailureConverter.ToFailure(ex, Converter.PayloadConverter), WorkflowTaskFailedCause.NonDeterministicError);
        }
        catch (Exception ex)
        {
            return WorkflowTaskOutcome.Failed(Converter.FailureConverter.ToFailure(ex, Converter.PayloadConverter), WorkflowTaskFailedCause.WorkflowWorkerUnhandledFailure);
        }
        finally
        {
            activationThread = null;
        }
    }

    /// <summary>Runs a query handler against the current state; queries may not schedule work.</summary>
    public Payload Query(string name, Payloads? input)
    {
        if (workflow is null)
        {
            throw new InvalidOperationException("workflow has not started");
        }

        if (!Definition.Queries.TryGetValue(name, out var method))
        {
            throw new InvalidOperationException(
                $"Query handler for {name} expected but not found, known queries: [{string.Join(" ", Definition.Queries.Keys.Order(StringComparer.Ordinal))}]");
        }

        var args = DecodeArgs(method, input);
        var before = commands.Count;
        activeOnThread = this;
        try
        {
            var value = method.Invoke(workflow, args);
            if (commands.Count != before)
            {
                commands.RemoveRange(before, commands.Count - before);
                throw new InvalidWorkflowOperationException($"query {name} scheduled work; queries must be read-only");
            }

            return Converter.PayloadConverter.ToPayload(value);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
        finally
        {
            activeOnThread = null;
        }
    }

    internal int NextSeq() => nextSeq++;

    internal void AddCommand(Command command, int seq, CommandKind kind)
    {
        AssertInWorkflow();
        commands.Add(new PendingCommand(command, seq, kind));
    }

    private static EventType NextTaskOutcome(IReadOnlyList<HistoryEvent> events, int startedIndex)
    {
        for (var j = startedIndex + 1; j < events.Count; j++)
        {
            switch (events[j].EventType)
            {
                case EventType.WorkflowTaskCompleted:
                case EventType.WorkflowTaskFailed:
                case EventType.WorkflowTaskTimedOut:
                    return events[j].EventType;
            }
        }

        return EventType.Unspecified;
    }

    private void CollectPatches(IReadOnlyList<HistoryEvent> events, int startedIndex)
    {
        // Patch markers written by this task follow its WorkflowTaskCompleted; Patched() must see them while replaying.
        for (var j = startedIndex + 1; j < events.Count && events[j].EventType != EventType.WorkflowTaskScheduled; j++)
        {
            if (events[j].EventType == EventType.MarkerRecorded && PatchIdOf(events[j].MarkerRecordedEventAttributes) is { } id)
            {
                patchesInHistory.Add(id);
            }
        }
    }

    private void Activate(HistoryEvent started, bool replaying)
    {
        // Commands of the previous task that history never recorded mean the code changed.
        if (awaitingEvents.Count > 0)
        {
            var missing = awaitingEvents.Peek();
            throw new WorkflowNondeterminismException(
                $"Nondeterminism: workflow produced {missing.Command.CommandType} ({missing.Describe()}) but history has no matching event");
        }

        UtcNow = started.EventTime.ToDateTime();
        IsReplaying = replaying;
        var batch = OrderJobs(jobs);
        jobs.Clear();
        MarkResolving(batch);
        activeOnThread = this;
        ActivationStartedAt = DateTime.UtcNow;
        try
        {
            foreach (var job in batch)
            {
                ApplyJob(job);
            }

            StartRunIfNeeded();
            RunUntilBlocked();
            if (!replaying)
            {
                RunLocalActivities();
            }
        }
        finally
        {
            ActivationStartedAt = null;
            activeOnThread = null;
        }

        if (replaying)
        {
            foreach (var command in TakePendingForMatching())
            {
                awaitingEvents.Enqueue(command);
            }
        }
    }

    private List<Command> TakeCommands()
    {
        var taken = TakePendingForMatching();
        foreach (var command in taken)
        {
            awaitingEvents.Enqueue(command);
        }

        return taken.Select(c => c.Command).ToList();
    }

    private List<PendingCommand> TakePendingForMatching()
    {
        var taken = new List<PendingCommand>(commands);
        commands.Clear();
        if (closeCommand is not null && !taken.Any(c => c.Kind == CommandKind.Close))
        {
            // The close command goes last: nothing may follow a workflow's completion.
            taken.Add(new PendingCommand(closeCommand, 0, CommandKind.Close));
        }

        return taken;
    }

    /// <summary>
    /// Signals and cancellation run before resolutions, but what this task's history says has finished has finished:
    /// a cancel from those handlers must not ask the server to cancel it (Core's state machines know it too).
    /// </summary>
    private void MarkResolving(List<WorkflowJob> batch)
    {
        foreach (var job in batch)
        {
            switch (job)
            {
                case ResolveActivityJob resolve when activities.TryGetValue(resolve.Seq, out var activity):
                    activity.Resolving = true;
                    break;
                case FireTimerJob fire when timers.TryGetValue(fire.Seq, out var timer):
                    timer.Resolving = true;
                    break;
                case ResolveChildJob child when children.TryGetValue(child.Seq, out var pending):
                    pending.Resolving = true;
                    break;
            }
        }
    }

    private static List<WorkflowJob> OrderJobs(List<WorkflowJob> pending) =>
        pending.OrderBy(j => j switch
        {
            StartWorkflowJob => 0,
            SignalWorkflowJob or CancelWorkflowJob => 1,
            _ => 2,
        }).ToList();

    private void ThrowIfFailed()
    {
        if (illegalOperation is not null)
        {
            var message = illegalOperation;
            illegalOperation = null;
            throw new InvalidWorkflowOperationException(message);
        }

        if (taskFailure is not null)
        {
            var failure = taskFailure;
            taskFailure = null;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>Runs ready tasks until none is left and no wait condition becomes true.</summary>
    private void RunUntilBlocked()
    {
        var previousContext = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            while (true)
            {
                while (ready.Last is { } node)
                {
                    ready.RemoveLast();
                    TryExecuteTask(node.Value);
                    if (taskFailure is not null || illegalOperation is not null)
                    {
                        return;
                    }
                }

                var resolved = false;
                foreach (var condition in conditions.ToList())
                {
                    if (condition.Done.Task.IsCompleted)
                    {
                        conditions.Remove(condition);
                        continue;
                    }

                    if (condition.Predicate())
                    {
                        conditions.Remove(condition);
                        condition.Done.TrySetResult(true);
                        resolved = true;
                    }
                }

                if (!resolved && ready.Count == 0)
                {
                    return;
                }
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previousContext);
        }
    }

    private bool OnActivationThread => Thread.CurrentThread == activationThread;

    /// <summary>Workflow code continued, or a workflow cancellation callback ran, on a thread that is not the workflow task's.</summary>
    private void NoteOutsideOperation()
    {
        illegalOperation ??= "Workflow code awaited or cancelled something outside the workflow (Task.Delay, Task.Run, CancellationTokenSource.CancelAsync " +
            "or CancelAfter, real timers or I/O). Use Workflow.DelayAsync, Workflow.RunTaskAsync, CancellationTokenSource.Cancel and activities instead.";
        if (activationThread is null)
        {
            // Between workflow tasks nobody would see it until the next event arrives: say so now.
            LogContinuedOutside(logger, illegalOperation);
        }
    }

    protected override void QueueTask(Task task)
    {
        if (!OnActivationThread)
        {
            NoteOutsideOperation();
        }

        lock (ready)
        {
            // Newest first, run from the back: strict FIFO in the order tasks became ready.
            ready.AddFirst(task);
        }
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => ready.ToList();

    internal Task<T> StartOnScheduler<T>(Func<Task<T>> start) =>
        Task.Factory.StartNew(start, CancellationToken.None, TaskCreationOptions.None, this).Unwrap();

    internal void AssertInWorkflow()
    {
        if (Active != this)
        {
            throw new InvalidWorkflowOperationException("Workflow operations may only be called from workflow code on its own scheduler (not from Task.Run or a thread pool thread)");
        }
    }

    internal object?[] DecodeArgs(MethodBase method, Payloads? input)
    {
        var parameters = method.GetParameters();
        var payloads = input?.Payloads_ ?? [];
        var args = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            if (i < payloads.Count)
            {
                try
                {
                    args[i] = Converter.PayloadConverter.ToValue(payloads[i], parameters[i].ParameterType);
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidCastException or System.Text.Json.JsonException)
                {
                    throw new InvalidOperationException(
                        $"{Definition.Name}: argument {i} ({parameters[i].Name}) of {method.Name} cannot be read as {parameters[i].ParameterType.Name}: {ex.Message}", ex);
                }
            }
            else if (parameters[i].HasDefaultValue)
            {
                args[i] = parameters[i].DefaultValue;
            }
            else
            {
                throw new InvalidOperationException($"{Definition.Name}.{method.Name} needs argument {parameters[i].Name} but received {payloads.Count} arguments");
            }
        }

        return args;
    }

    internal object? DecodeValue(Payloads? payloads, System.Type type) =>
        type == typeof(void) || payloads is null || payloads.Payloads_.Count == 0
            ? (type.IsValueType && type != typeof(void) ? Activator.CreateInstance(type) : null)
            : Converter.PayloadConverter.ToValue(payloads.Payloads_[0], type);

    internal Payloads EncodeValues(IEnumerable<object?> values)
    {
        var payloads = new Payloads();
        payloads.Payloads_.AddRange(values.Select(Converter.PayloadConverter.ToPayload));
        return payloads;
    }

    internal Exception ToException(Failure failure) => Converter.FailureConverter.ToException(failure, Converter.PayloadConverter);

    private static string? PatchIdOf(MarkerRecordedEventAttributes marker) =>
        marker.MarkerName == PatchMarkerName && marker.Details.TryGetValue("patch_data", out var data) && data.Payloads_.Count > 0
            ? System.Text.Json.JsonDocument.Parse(data.Payloads_[0].Data.Memory).RootElement.GetProperty("id").GetString()
            : null;

    internal const string PatchMarkerName = "core_patch";

    internal sealed record PendingCommand(Command Command, int Seq, CommandKind Kind)
    {
        public string Describe() => Command.AttributesCase switch
        {
            Command.AttributesOneofCase.ScheduleActivityTaskCommandAttributes =>
                $"activity {Command.ScheduleActivityTaskCommandAttributes.ActivityType.Name} id {Command.ScheduleActivityTaskCommandAttributes.ActivityId}",
            Command.AttributesOneofCase.StartTimerCommandAttributes => $"timer {Command.StartTimerCommandAttributes.TimerId}",
            Command.AttributesOneofCase.StartChildWorkflowExecutionCommandAttributes =>
                $"child {Command.StartChildWorkflowExecutionCommandAttributes.WorkflowType.Name} id {Command.StartChildWorkflowExecutionCommandAttributes.WorkflowId}",
            Command.AttributesOneofCase.RecordMarkerCommandAttributes => $"marker {Command.RecordMarkerCommandAttributes.MarkerName}",
            _ => Command.CommandType.ToString(),
        };
    }

    internal enum CommandKind
    {
        Activity,
        CancelActivity,
        Timer,
        CancelTimer,
        Child,
        SignalExternal,
        CancelExternal,
        Marker,
        UpsertSearchAttributes,
        ModifyProperties,
        Close,
    }

    private sealed record PendingActivity(TaskCompletionSource<object?> Result, System.Type ResultType, string ActivityType, string ActivityId, ActivityCancellationType CancellationType)
    {
        public long ScheduledEventId { get; set; }

        public bool Resolved { get; set; }

        /// <summary>Its completion is in the history being applied: cancelling it is a no-op.</summary>
        public bool Resolving { get; set; }
    }

    private sealed record PendingTimer(TaskCompletionSource<object?> Fired)
    {
        public bool Started { get; set; }

        public bool Resolving { get; set; }
    }

    private sealed record PendingChild(
        TaskCompletionSource<string> Started, TaskCompletionSource<object?> Result, System.Type ResultType, string WorkflowId, string WorkflowType,
        ChildWorkflowCancellationType CancellationType)
    {
        public long InitiatedEventId { get; set; }

        public string? RunId { get; set; }

        public bool Resolving { get; set; }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Error, Message = "Workflow code continued outside its workflow task; the next workflow task will fail: {Problem}")]
    private static partial void LogContinuedOutside(ILogger logger, string problem);
}
