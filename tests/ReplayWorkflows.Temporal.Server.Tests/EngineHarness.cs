using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging.Abstractions;
using ReplayWorkflows.Temporal.Server.History;
using ReplayWorkflows.Temporal.Server.Matching;
using ReplayWorkflows.Temporal.Server.Persistence;
using ReplayWorkflows.Temporal.Server.Timers;
using Temporalio.Api.Command.V1;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Server.Tests;

/// <summary>A history engine with real matching and timers, driven the way a worker would.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public const string Queue = "q";

    public EngineHarness(IExecutionStore? store = null)
    {
        Store = store ?? new InMemoryExecutionStore();
        Timers = new TimerQueue(TimeProvider.System, NullLogger.Instance);
        Engine = new HistoryEngine(new TaskQueueManager(), Timers, Store, TimeProvider.System, NullLogger.Instance, _ => { });
    }

    public IExecutionStore Store { get; }

    public TimerQueue Timers { get; }

    public HistoryEngine Engine { get; }

    public StartOutcome Start(string workflowId, string requestId = "r1", Priority? priority = null) => Engine.StartWorkflow(new StartWorkflowExecutionRequest
    {
        Namespace = "default",
        WorkflowId = workflowId,
        WorkflowType = new WorkflowType { Name = "Wf" },
        TaskQueue = new TaskQueue { Name = Queue },
        RequestId = requestId,
        Identity = "test",
        Priority = priority,
    });

    public async Task<PollWorkflowTaskQueueResponse> PollWorkflowTaskAsync(string queue = Queue)
    {
        var q = Engine.Matching.Get("default", queue, QueueType.Workflow);
        while (true)
        {
            var task = await q.PollAsync("test-worker", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(10), CancellationToken.None)
                ?? throw new TimeoutException("no workflow task");
            if (Engine.RecordWorkflowTaskStarted(task, "test-worker", Guid.NewGuid().ToString()) is { } response)
            {
                return response;
            }
        }
    }

    public async Task<PollActivityTaskQueueResponse> PollActivityTaskAsync()
    {
        var q = Engine.Matching.Get("default", Queue, QueueType.Activity);
        while (true)
        {
            var task = await q.PollAsync("test-worker", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(10), CancellationToken.None)
                ?? throw new TimeoutException("no activity task");
            if (Engine.RecordActivityTaskStarted(task, "test-worker", Guid.NewGuid().ToString()) is { } response)
            {
                return response;
            }
        }
    }

    public RespondWorkflowTaskCompletedResponse Complete(PollWorkflowTaskQueueResponse task, params Command[] commands)
    {
        var request = new RespondWorkflowTaskCompletedRequest { TaskToken = task.TaskToken, Identity = "test-worker", Namespace = "default" };
        request.Commands.AddRange(commands);
        return Engine.RespondWorkflowTaskCompleted(request);
    }

    public IReadOnlyList<EventType> EventTypes(string workflowId) => Engine.Read(() =>
        Engine.AllRunsLocked("default").Single(r => r.Key.WorkflowId == workflowId && r.IsRunning || r.Key.WorkflowId == workflowId).Events.Select(e => e.EventType).ToList());

    public static Command ScheduleActivity(string id) => new()
    {
        CommandType = CommandType.ScheduleActivityTask,
        ScheduleActivityTaskCommandAttributes = new ScheduleActivityTaskCommandAttributes
        {
            ActivityId = id,
            ActivityType = new ActivityType { Name = "Act" },
            StartToCloseTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(10)),
        },
    };

    public static Command CompleteWorkflow() => new()
    {
        CommandType = CommandType.CompleteWorkflowExecution,
        CompleteWorkflowExecutionCommandAttributes = new CompleteWorkflowExecutionCommandAttributes(),
    };

    public async ValueTask DisposeAsync()
    {
        await Timers.DisposeAsync();
        Store.Dispose();
    }
}
