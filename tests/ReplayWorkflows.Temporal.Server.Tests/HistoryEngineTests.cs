using ReplayWorkflows.Temporal.Api.Grpc;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Server.Tests;

public sealed class HistoryEngineTests
{
    [Fact]
    public async Task Start_then_workflow_task_writes_consecutive_events_with_the_right_references()
    {
        await using var h = new EngineHarness();
        h.Start("wf-1");
        var task = await h.PollWorkflowTaskAsync();
        task.StartedEventId.ShouldBe(3);
        task.History.Events.Select(e => e.EventId).ShouldBe([1L, 2L, 3L]);
        task.History.Events[2].WorkflowTaskStartedEventAttributes.ScheduledEventId.ShouldBe(2);

        h.Complete(task, EngineHarness.ScheduleActivity("a1"));
        h.EventTypes("wf-1").ShouldBe([EventType.WorkflowExecutionStarted, EventType.WorkflowTaskScheduled, EventType.WorkflowTaskStarted,
            EventType.WorkflowTaskCompleted, EventType.ActivityTaskScheduled]);

        var activity = await h.PollActivityTaskAsync();
        activity.Attempt.ShouldBe(1);
        h.Engine.CompleteActivity(activity.TaskToken, new Payloads(), "test-worker");
        var next = await h.PollWorkflowTaskAsync();
        next.PreviousStartedEventId.ShouldBe(3);
        var events = next.History.Events;
        events.Select(e => e.EventId).ShouldBe(Enumerable.Range(1, events.Count).Select(i => (long)i));
        var completed = events.Single(e => e.EventType == EventType.ActivityTaskCompleted).ActivityTaskCompletedEventAttributes;
        completed.ScheduledEventId.ShouldBe(5);
        completed.StartedEventId.ShouldBe(6);
        events[4].ActivityTaskScheduledEventAttributes.WorkflowTaskCompletedEventId.ShouldBe(4);
    }

    [Fact]
    public async Task A_signal_during_a_running_workflow_task_is_written_after_its_completion()
    {
        await using var h = new EngineHarness();
        h.Start("wf-2");
        var task = await h.PollWorkflowTaskAsync();
        h.Engine.Signal(new SignalWorkflowExecutionRequest { Namespace = "default", WorkflowExecution = new WorkflowExecution { WorkflowId = "wf-2" }, SignalName = "s" });
        h.EventTypes("wf-2").Count.ShouldBe(3);
        h.Complete(task);
        h.EventTypes("wf-2").ShouldBe([EventType.WorkflowExecutionStarted, EventType.WorkflowTaskScheduled, EventType.WorkflowTaskStarted,
            EventType.WorkflowTaskCompleted, EventType.WorkflowExecutionSignaled, EventType.WorkflowTaskScheduled]);
    }

    [Fact]
    public async Task Closing_while_a_signal_is_buffered_fails_the_task_with_unhandled_command()
    {
        await using var h = new EngineHarness();
        h.Start("wf-3");
        var task = await h.PollWorkflowTaskAsync();
        h.Engine.Signal(new SignalWorkflowExecutionRequest { Namespace = "default", WorkflowExecution = new WorkflowExecution { WorkflowId = "wf-3" }, SignalName = "s" });
        h.Complete(task, EngineHarness.CompleteWorkflow());
        var types = h.EventTypes("wf-3");
        types[3].ShouldBe(EventType.WorkflowTaskFailed);
        types[4].ShouldBe(EventType.WorkflowExecutionSignaled);
        types[5].ShouldBe(EventType.WorkflowTaskScheduled);
        var retry = await h.PollWorkflowTaskAsync();
        h.Complete(retry, EngineHarness.CompleteWorkflow());
        h.EventTypes("wf-3")[^1].ShouldBe(EventType.WorkflowExecutionCompleted);
    }

    [Fact]
    public async Task Duplicate_completion_and_unknown_tokens_are_not_found_and_change_nothing()
    {
        await using var h = new EngineHarness();
        h.Start("wf-4");
        var task = await h.PollWorkflowTaskAsync();
        h.Complete(task, EngineHarness.CompleteWorkflow());
        var before = h.EventTypes("wf-4").Count;
        Should.Throw<GrpcException>(() => h.Complete(task)).StatusCode.ShouldBe(GrpcStatusCode.NotFound);
        var garbage = new RespondWorkflowTaskCompletedRequest { TaskToken = Google.Protobuf.ByteString.CopyFromUtf8("nope") };
        Should.Throw<GrpcException>(() => h.Engine.RespondWorkflowTaskCompleted(garbage)).StatusCode.ShouldBe(GrpcStatusCode.InvalidArgument);
        h.EventTypes("wf-4").Count.ShouldBe(before);
    }

    [Fact]
    public async Task An_invalid_command_fails_the_workflow_task_with_its_cause()
    {
        await using var h = new EngineHarness();
        h.Start("wf-5");
        var task = await h.PollWorkflowTaskAsync();
        var bad = EngineHarness.ScheduleActivity("a1");
        bad.ScheduleActivityTaskCommandAttributes.StartToCloseTimeout = null;
        Should.Throw<GrpcException>(() => h.Complete(task, bad)).StatusCode.ShouldBe(GrpcStatusCode.InvalidArgument);
        var failed = h.Engine.Read(() => h.Engine.AllRunsLocked("default").Single(r => r.Key.WorkflowId == "wf-5").Events[3]);
        failed.WorkflowTaskFailedEventAttributes.Cause.ShouldBe(WorkflowTaskFailedCause.BadScheduleActivityAttributes);
    }

    [Fact]
    public async Task Start_with_the_same_request_id_is_idempotent_and_a_different_one_conflicts()
    {
        await using var h = new EngineHarness();
        var first = h.Start("wf-6", "req-a");
        h.Start("wf-6", "req-a").RunId.ShouldBe(first.RunId);
        var error = Should.Throw<GrpcException>(() => h.Start("wf-6", "req-b"));
        error.StatusCode.ShouldBe(GrpcStatusCode.AlreadyExists);
        error.Details.Single().TypeUrl.ShouldEndWith("WorkflowExecutionAlreadyStartedFailure");
    }

    [Fact]
    public async Task A_failed_activity_is_retried_without_history_events_until_it_succeeds()
    {
        await using var h = new EngineHarness();
        h.Start("wf-7");
        var task = await h.PollWorkflowTaskAsync();
        var schedule = EngineHarness.ScheduleActivity("a1");
        schedule.ScheduleActivityTaskCommandAttributes.RetryPolicy = new RetryPolicy { InitialInterval = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromMilliseconds(10)) };
        h.Complete(task, schedule);
        var first = await h.PollActivityTaskAsync();
        h.Engine.FailActivity(History.TaskToken.Parse(first.TaskToken), new Temporalio.Api.Failure.V1.Failure { Message = "no" }, null, "w");
        h.EventTypes("wf-7").Count.ShouldBe(5);
        var second = await h.PollActivityTaskAsync();
        second.Attempt.ShouldBe(2);
        h.Engine.CompleteActivity(second.TaskToken, null, "w");
        var started = h.Engine.Read(() => h.Engine.AllRunsLocked("default").Single(r => r.Key.WorkflowId == "wf-7").Events[5]);
        started.ActivityTaskStartedEventAttributes.Attempt.ShouldBe(2);
        started.ActivityTaskStartedEventAttributes.LastFailure.Message.ShouldBe("no");
    }

    [Fact]
    public async Task The_late_written_activity_started_event_is_dated_when_the_attempt_started()
    {
        await using var h = new EngineHarness();
        h.Start("wf-started-time");
        h.Complete(await h.PollWorkflowTaskAsync(), EngineHarness.ScheduleActivity("a1"));
        var activity = await h.PollActivityTaskAsync();
        await Task.Delay(300);
        h.Engine.CompleteActivity(activity.TaskToken, null, "w");

        var events = h.Engine.Read(() => h.Engine.AllRunsLocked("default").Single(r => r.Key.WorkflowId == "wf-started-time").Events.ToList());
        var started = events.Single(e => e.EventType == EventType.ActivityTaskStarted);
        var completed = events.Single(e => e.EventType == EventType.ActivityTaskCompleted);
        started.EventId.ShouldBe(completed.EventId - 1, "written together with the completion");
        (completed.EventTime.ToDateTime() - started.EventTime.ToDateTime()).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
        activity.StartedTime.ToDateTime().ShouldBe(started.EventTime.ToDateTime());
    }

    [Fact]
    public async Task A_workflow_task_whose_worker_vanished_times_out_and_is_handed_out_again()
    {
        await using var h = new EngineHarness();
        h.Engine.StartWorkflow(new StartWorkflowExecutionRequest
        {
            Namespace = "default",
            WorkflowId = "wf-8",
            WorkflowType = new WorkflowType { Name = "Wf" },
            TaskQueue = new Temporalio.Api.TaskQueue.V1.TaskQueue { Name = EngineHarness.Queue },
            RequestId = "r",
            WorkflowTaskTimeout = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromMilliseconds(300)),
        });
        var lost = await h.PollWorkflowTaskAsync();
        var again = await h.PollWorkflowTaskAsync();
        again.Attempt.ShouldBe(2);
        again.History.Events[3].EventType.ShouldBe(EventType.WorkflowTaskTimedOut);
        Should.Throw<GrpcException>(() => h.Complete(lost)).StatusCode.ShouldBe(GrpcStatusCode.NotFound);
        h.Complete(again, EngineHarness.CompleteWorkflow());
    }
}
