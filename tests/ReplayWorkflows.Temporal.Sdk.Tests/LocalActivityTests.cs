using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Exceptions;
using Temporalio.Worker;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

public abstract class LocalActivityTests(DevServerFixture server)
{
    [Fact]
    public async Task Local_activities_run_on_the_worker_are_recorded_as_markers_and_replay_from_them()
    {
        var client = server.Client;
        var queue = DevServerFixture.NewId("local");
        var id = DevServerFixture.NewId("local");
        string result;
        using (var worker = NewWorker(queue))
        {
            result = await worker.ExecuteAsync(() => client.ExecuteWorkflowAsync((LocalActivityWorkflow w) => w.RunAsync(2, 3), new WorkflowOptions(id, queue)));
        }

        result.ShouldBe("5|Hello, local!|10");
        var history = await client.GetWorkflowHandle(id).FetchHistoryAsync();
        history.Events.Count(e => e.EventType == EventType.MarkerRecorded).ShouldBe(2);
        history.Events.Count(e => e.EventType == EventType.ActivityTaskScheduled).ShouldBe(1, "local activities schedule no activity task");

        (await new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow<LocalActivityWorkflow>()).ReplayWorkflowAsync(history)).ReplayFailure.ShouldBeNull();

        // A fresh worker rebuilds the run from markers without running the local activities again.
        var activities = new TestActivities();
        using var fresh = NewWorker(queue, activities);
        var trace = await fresh.ExecuteAsync(() => client.GetWorkflowHandle<LocalActivityWorkflow>(id).QueryAsync(w => w.Trace));
        trace.ShouldBe(result);
        activities.AddCalls.ShouldBe(0);
    }

    [Fact]
    public async Task A_failing_local_activity_fails_the_workflow_with_an_activity_failure()
    {
        var client = server.Client;
        var queue = DevServerFixture.NewId("local");
        using var worker = NewWorker(queue);

        var error = await worker.ExecuteAsync(() => Should.ThrowAsync<WorkflowFailedException>(() =>
            client.ExecuteWorkflowAsync((FailingLocalActivityWorkflow w) => w.RunAsync(), new WorkflowOptions(DevServerFixture.NewId("local-fail"), queue))));

        var activity = error.InnerException.ShouldBeOfType<ActivityFailureException>();
        activity.InnerException.ShouldBeOfType<ApplicationFailureException>().ErrorType.ShouldBe("BadInput");
    }

    private TemporalWorker NewWorker(string queue, TestActivities? activities = null) =>
        new(server.Client, new TemporalWorkerOptions(queue)
            .AddAllActivities(activities ?? new TestActivities())
            .AddWorkflow<LocalActivityWorkflow>()
            .AddWorkflow<FailingLocalActivityWorkflow>());
}
