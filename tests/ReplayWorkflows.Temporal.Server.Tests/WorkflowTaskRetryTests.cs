using ReplayWorkflows.Temporal.Server.Persistence;
using ReplayWorkflows.Testing;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Server.Tests;

/// <summary>
/// When workflow tasks are handed out: a failing one is retried as Temporal does: the first failure is written, later attempts are transient
/// (their events reach the worker but are written only if the attempt completes).
/// </summary>
public sealed class WorkflowTaskRetryTests
{
    [Fact]
    public async Task Repeated_failures_write_one_failure_and_the_completing_attempt_writes_its_events()
    {
        await using var h = new EngineHarness();
        h.Start("wf-retry");
        var first = await h.PollWorkflowTaskAsync();
        Fail(h, first);
        var second = await h.PollWorkflowTaskAsync();
        Fail(h, second);
        var third = await h.PollWorkflowTaskAsync();

        h.EventTypes("wf-retry").ShouldBe([EventType.WorkflowExecutionStarted, EventType.WorkflowTaskScheduled, EventType.WorkflowTaskStarted,
            EventType.WorkflowTaskFailed], "only the first failure is history");
        second.Attempt.ShouldBe(2);
        third.Attempt.ShouldBe(3);
        foreach (var retry in new[] { second, third })
        {
            // The worker sees the retry's scheduled and started events right after the failure, with the ids they get if it completes.
            retry.History.Events.Select(e => e.EventId).ShouldBe([1L, 2L, 3L, 4L, 5L, 6L]);
            retry.History.Events[4].WorkflowTaskScheduledEventAttributes.Attempt.ShouldBe(retry.Attempt);
            retry.History.Events[5].WorkflowTaskStartedEventAttributes.ScheduledEventId.ShouldBe(5);
            retry.StartedEventId.ShouldBe(6);
        }

        h.Complete(third, EngineHarness.CompleteWorkflow());
        var events = h.Engine.Read(() => h.Engine.AllRunsLocked("default").Single(r => r.Key.WorkflowId == "wf-retry").Events.ToList());
        events.Select(e => e.EventType).Skip(4).ShouldBe([EventType.WorkflowTaskScheduled, EventType.WorkflowTaskStarted,
            EventType.WorkflowTaskCompleted, EventType.WorkflowExecutionCompleted]);
        events.Select(e => e.EventId).ShouldBe(Enumerable.Range(1, events.Count).Select(i => (long)i));
        events[4].WorkflowTaskScheduledEventAttributes.Attempt.ShouldBe(3);
        events[6].WorkflowTaskCompletedEventAttributes.StartedEventId.ShouldBe(6);
    }

    [Fact]
    public async Task A_signal_while_a_retry_waits_makes_it_a_normal_task_at_attempt_one()
    {
        await using var h = new EngineHarness();
        h.Start("wf-signal");
        Fail(h, await h.PollWorkflowTaskAsync());
        h.Engine.Signal(new SignalWorkflowExecutionRequest { Namespace = "default", WorkflowExecution = new WorkflowExecution { WorkflowId = "wf-signal" }, SignalName = "go" });
        var next = await h.PollWorkflowTaskAsync();

        next.Attempt.ShouldBe(1);
        h.EventTypes("wf-signal").ShouldBe([EventType.WorkflowExecutionStarted, EventType.WorkflowTaskScheduled, EventType.WorkflowTaskStarted,
            EventType.WorkflowTaskFailed, EventType.WorkflowExecutionSignaled, EventType.WorkflowTaskScheduled, EventType.WorkflowTaskStarted]);
        next.History.Events.Count.ShouldBe(7);
        h.Complete(next, EngineHarness.CompleteWorkflow());
        h.EventTypes("wf-signal")[^1].ShouldBe(EventType.WorkflowExecutionCompleted);
    }

    [Fact]
    public async Task Terminating_during_a_retry_writes_no_event_for_the_unwritten_task()
    {
        await using var h = new EngineHarness();
        h.Start("wf-terminate");
        Fail(h, await h.PollWorkflowTaskAsync());
        await h.PollWorkflowTaskAsync();
        h.Engine.Terminate(new TerminateWorkflowExecutionRequest { Namespace = "default", WorkflowExecution = new WorkflowExecution { WorkflowId = "wf-terminate" }, Reason = "stop" });

        h.EventTypes("wf-terminate").ShouldBe([EventType.WorkflowExecutionStarted, EventType.WorkflowTaskScheduled, EventType.WorkflowTaskStarted,
            EventType.WorkflowTaskFailed, EventType.WorkflowExecutionTerminated]);
    }

    [Fact]
    public async Task A_retry_pending_when_the_server_stops_is_handed_out_again_after_a_restart()
    {
        using var db = new TempSqliteFile("wft-retry");
        await using (var h = new EngineHarness(new SqliteExecutionStore(db.Path)))
        {
            h.Start("wf-restart");
            Fail(h, await h.PollWorkflowTaskAsync());
            Fail(h, await h.PollWorkflowTaskAsync());
        }

        await using var restarted = new EngineHarness(new SqliteExecutionStore(db.Path));
        restarted.Engine.Recover(restarted.Store.LoadRuns());
        var retry = await restarted.PollWorkflowTaskAsync();
        retry.Attempt.ShouldBe(3, "the attempt count survives the restart");
        restarted.Complete(retry, EngineHarness.CompleteWorkflow());
        restarted.EventTypes("wf-restart").ShouldBe([EventType.WorkflowExecutionStarted, EventType.WorkflowTaskScheduled, EventType.WorkflowTaskStarted,
            EventType.WorkflowTaskFailed, EventType.WorkflowTaskScheduled, EventType.WorkflowTaskStarted, EventType.WorkflowTaskCompleted,
            EventType.WorkflowExecutionCompleted]);
    }

    [Fact]
    public async Task A_signal_to_a_delayed_run_waits_for_the_delay_and_a_restart_keeps_the_rest_of_it()
    {
        using var db = new TempSqliteFile("wft-delay");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var h = new EngineHarness(new SqliteExecutionStore(db.Path)))
        {
            h.Engine.StartWorkflow(new StartWorkflowExecutionRequest
            {
                Namespace = "default",
                WorkflowId = "wf-delayed",
                WorkflowType = new WorkflowType { Name = "Wf" },
                TaskQueue = new Temporalio.Api.TaskQueue.V1.TaskQueue { Name = EngineHarness.Queue },
                RequestId = "r",
                WorkflowStartDelay = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromSeconds(2)),
            });
            h.Engine.Signal(new SignalWorkflowExecutionRequest { Namespace = "default", WorkflowExecution = new WorkflowExecution { WorkflowId = "wf-delayed" }, SignalName = "early" });
            h.EventTypes("wf-delayed").ShouldBe([EventType.WorkflowExecutionStarted, EventType.WorkflowExecutionSignaled], "the signal does not cut the delay short");
        }

        await using var restarted = new EngineHarness(new SqliteExecutionStore(db.Path));
        restarted.Engine.Recover(restarted.Store.LoadRuns());
        var task = await restarted.PollWorkflowTaskAsync();
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.8), "the restart did not forget the delay");
        task.History.Events.Select(e => e.EventType).ShouldBe([EventType.WorkflowExecutionStarted, EventType.WorkflowExecutionSignaled,
            EventType.WorkflowTaskScheduled, EventType.WorkflowTaskStarted]);
    }

    private static void Fail(EngineHarness h, PollWorkflowTaskQueueResponse task) => h.Engine.RespondWorkflowTaskFailed(new RespondWorkflowTaskFailedRequest
    {
        TaskToken = task.TaskToken,
        Namespace = "default",
        Cause = WorkflowTaskFailedCause.WorkflowWorkerUnhandledFailure,
        Failure = new Temporalio.Api.Failure.V1.Failure { Message = $"boom {task.Attempt}" },
        Identity = "test-worker",
    });
}
