using ReplayWorkflows.Testing;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Worker;
using Temporalio.Workflows;
using ParentClosePolicy = Temporalio.Workflows.ParentClosePolicy;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>What happens to a running child when its parent closes, per policy, and a parent cancelling its child.</summary>
public abstract class ParentClosePolicyTests(DevServerFixture server)
{
    [Theory]
    [InlineData(ParentClosePolicy.Terminate, WorkflowExecutionStatus.Terminated)]
    [InlineData(ParentClosePolicy.RequestCancel, WorkflowExecutionStatus.Canceled)]
    public async Task A_closing_parent_terminates_or_cancels_its_child_as_its_policy_says(ParentClosePolicy policy, WorkflowExecutionStatus expected)
    {
        await WithWorkerAsync(async queue =>
        {
            var childId = DevServerFixture.NewId("child");
            var parent = await server.Client.ExecuteWorkflowAsync(
                (ShortLivedParentWorkflow w) => w.RunAsync(childId, policy), new WorkflowOptions(DevServerFixture.NewId("parent"), queue));
            parent.ShouldBe(childId);

            var child = server.Client.GetWorkflowHandle(childId);
            var described = await Eventually.ReturnsAsync(() => child.DescribeAsync(), d => d.Status != WorkflowExecutionStatus.Running, what: $"the child closed by {policy}");
            described.Status.ShouldBe(expected);
        });
    }

    [Fact]
    public async Task An_abandoned_child_outlives_its_parent_and_finishes_on_its_own()
    {
        await WithWorkerAsync(async queue =>
        {
            var childId = DevServerFixture.NewId("abandoned");
            var parentHandle = await server.Client.StartWorkflowAsync(
                (ShortLivedParentWorkflow w) => w.RunAsync(childId, ParentClosePolicy.Abandon), new WorkflowOptions(DevServerFixture.NewId("parent"), queue));
            await parentHandle.GetResultAsync();

            // The parent's close is fully processed once its history ends; the child is still running after that.
            var child = server.Client.GetWorkflowHandle<CounterWorkflow>(childId);
            await Task.Delay(500);
            (await child.DescribeAsync()).Status.ShouldBe(WorkflowExecutionStatus.Running);
            await child.SignalAsync(w => w.FinishAsync());
            (await child.GetResultAsync<string>()).ShouldBe(string.Empty);
            (await child.DescribeAsync()).Status.ShouldBe(WorkflowExecutionStatus.Completed);
        });
    }

    [Fact]
    public async Task A_parent_cancelling_its_child_gets_a_child_failure_caused_by_cancellation()
    {
        await WithWorkerAsync(async queue =>
        {
            var childId = DevServerFixture.NewId("cancelled-child");
            var outcome = await server.Client.ExecuteWorkflowAsync(
                (ChildCancellingWorkflow w) => w.RunAsync(childId), new WorkflowOptions(DevServerFixture.NewId("canceller"), queue));

            outcome.ShouldBe("ChildWorkflowFailureException/CanceledFailureException");
            (await server.Client.GetWorkflowHandle(childId).DescribeAsync()).Status.ShouldBe(WorkflowExecutionStatus.Canceled);
        });
    }

    [Fact]
    public async Task Code_that_continues_outside_the_workflow_fails_the_next_workflow_task_with_the_reason()
    {
        await WithWorkerAsync(async queue =>
        {
            var handle = await server.Client.StartWorkflowAsync((CancelAsyncWorkflow w) => w.RunAsync(), new WorkflowOptions(DevServerFixture.NewId("cancel-async"), queue));
            await Task.Delay(300);
            await handle.SignalAsync(w => w.PokeAsync());
            var history = await Eventually.ReturnsAsync(
                () => handle.FetchHistoryAsync(), h => h.Events.Any(e => e.EventType == EventType.WorkflowTaskFailed), what: "a failed workflow task");
            history.Events.First(e => e.EventType == EventType.WorkflowTaskFailed).WorkflowTaskFailedEventAttributes.Failure.Message.ShouldContain("CancellationTokenSource.Cancel");
            (await handle.DescribeAsync()).Status.ShouldBe(WorkflowExecutionStatus.Running, "a workflow bug fails the task, not the workflow");
            await handle.TerminateAsync();
        });
    }

    [Fact]
    public async Task A_cancel_request_arriving_with_the_activity_completion_sees_the_completion_as_core_does()
    {
        var queue = DevServerFixture.NewId("race");
        var activityQueue = queue + "-activities";
        var handle = await server.Client.StartWorkflowAsync((CancelRaceWorkflow w) => w.RunAsync(activityQueue), new WorkflowOptions(DevServerFixture.NewId("race"), queue));

        // The first workflow task schedules the activity; then no workflow worker runs while it completes and the
        // cancel request arrives, so both land in the next workflow task.
        using (var first = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddWorkflow<CancelRaceWorkflow>()))
        {
            await first.ExecuteAsync(() => Eventually.ReturnsAsync(
                () => handle.FetchHistoryAsync(), h => h.Events.Any(e => e.EventType == EventType.ActivityTaskScheduled), what: "the activity scheduled"));
        }

        using (var activities = new TemporalWorker(server.Client, new TemporalWorkerOptions(activityQueue).AddAllActivities(new TestActivities())))
        {
            await activities.ExecuteAsync(() => Eventually.ReturnsAsync(
                () => handle.FetchHistoryAsync(), h => h.Events.Any(e => e.EventType == EventType.ActivityTaskCompleted), what: "the activity completed"));
        }

        await handle.CancelAsync();
        using var second = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddWorkflow<CancelRaceWorkflow>());
        var outcome = await second.ExecuteAsync(() => handle.GetResultAsync());

        // The completion is already in history when workflow code learns of the cancel: nothing left to cancel.
        outcome.ShouldBe("completed 3");
        var history = await handle.FetchHistoryAsync();
        history.Events.ShouldNotContain(e => e.EventType == EventType.ActivityTaskCancelRequested || e.EventType == EventType.WorkflowTaskFailed);
        (await new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow<CancelRaceWorkflow>()).ReplayWorkflowAsync(history)).ReplayFailure.ShouldBeNull();
    }

    [Theory]
    [InlineData(ActivityCancellationType.TryCancel)]
    [InlineData(ActivityCancellationType.WaitCancellationCompleted)]
    [InlineData(ActivityCancellationType.Abandon)]
    public async Task Activity_cancellation_types_ask_the_server_wait_for_the_activity_or_walk_away(ActivityCancellationType type)
    {
        await WithWorkerAsync(async queue =>
        {
            var handle = await server.Client.StartWorkflowAsync(
                (CancellationTypeWorkflow w) => w.RunAsync(type, null), new WorkflowOptions(DevServerFixture.NewId("cancel-type"), queue));
            (await handle.GetResultAsync()).ShouldBe("cancelled");

            var events = (await handle.FetchHistoryAsync()).Events.Select(e => e.EventType).ToList();
            var completed = events.IndexOf(EventType.WorkflowExecutionCompleted);
            switch (type)
            {
                case ActivityCancellationType.Abandon:
                    events.ShouldNotContain(EventType.ActivityTaskCancelRequested, "an abandoned activity is not asked to stop");
                    break;
                case ActivityCancellationType.WaitCancellationCompleted:
                    events.IndexOf(EventType.ActivityTaskCanceled).ShouldBeInRange(0, completed, "the workflow waited for the activity to confirm");
                    break;
                default:
                    events.IndexOf(EventType.ActivityTaskCancelRequested).ShouldBeInRange(0, completed);
                    break;
            }
        });
    }

    [Fact]
    public async Task A_workflow_cancels_another_by_its_id()
    {
        await WithWorkerAsync(async queue =>
        {
            var target = await server.Client.StartWorkflowAsync((CounterWorkflow w) => w.RunAsync(0), new WorkflowOptions(DevServerFixture.NewId("target"), queue));
            (await server.Client.ExecuteWorkflowAsync(
                (CancellationTypeWorkflow w) => w.RunAsync(ActivityCancellationType.TryCancel, target.Id), new WorkflowOptions(DevServerFixture.NewId("canceller"), queue))).ShouldBe("requested");
            var described = await Eventually.ReturnsAsync(() => target.DescribeAsync(), d => d.Status != WorkflowExecutionStatus.Running, what: "the target closed");
            described.Status.ShouldBe(WorkflowExecutionStatus.Canceled);
        });
    }

    private async Task WithWorkerAsync(Func<string, Task> test)
    {
        var queue = DevServerFixture.NewId("children");
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue)
            .AddWorkflow<ShortLivedParentWorkflow>().AddWorkflow<ChildCancellingWorkflow>().AddWorkflow<CounterWorkflow>().AddWorkflow<CancelAsyncWorkflow>().AddWorkflow<CancellationTypeWorkflow>().AddAllActivities(new TestActivities()));
        await worker.ExecuteAsync(() => test(queue));
    }
}
