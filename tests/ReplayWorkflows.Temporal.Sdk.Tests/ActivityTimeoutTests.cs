using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Worker;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>Each of the four activity timeouts, as the workflow sees it, and an activity's own retry delay.</summary>
public abstract class ActivityTimeoutTests(DevServerFixture server)
{
    [Theory]
    [InlineData("StartToClose", "StartToClose")]
    [InlineData("ScheduleToClose", "ScheduleToClose")]
    [InlineData("ScheduleToStart", "ScheduleToStart")]
    [InlineData("Heartbeat", "Heartbeat halfway")]
    public async Task Each_timeout_kind_reaches_the_workflow_as_a_timeout_failure_of_that_type(string kind, string expected)
    {
        var queue = DevServerFixture.NewId("timeouts");
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddAllActivities(new SlowActivities()).AddWorkflow<TimeoutWorkflow>());
        var outcome = await worker.ExecuteAsync(() => server.Client.ExecuteWorkflowAsync(
            (TimeoutWorkflow w) => w.RunAsync(kind), new WorkflowOptions(DevServerFixture.NewId("timeout-" + kind), queue)));

        outcome.ShouldBe(expected);
    }

    [Fact]
    public async Task An_activitys_next_retry_delay_overrides_the_retry_policy_interval()
    {
        var queue = DevServerFixture.NewId("retry-delay");
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddAllActivities(new SlowActivities()).AddWorkflow<OwnRetryDelayWorkflow>());
        var handle = await worker.ExecuteAsync(async () =>
        {
            var started = await server.Client.StartWorkflowAsync((OwnRetryDelayWorkflow w) => w.RunAsync(), new WorkflowOptions(DevServerFixture.NewId("own-delay"), queue));
            (await started.GetResultAsync().WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(2, "the second attempt ran 100 ms later, not an hour");
            return started;
        });

        var history = await handle.FetchHistoryAsync();
        var started = history.Events.Single(e => e.EventType == EventType.ActivityTaskStarted).ActivityTaskStartedEventAttributes;
        started.Attempt.ShouldBe(2);
        started.LastFailure.ApplicationFailureInfo.Type.ShouldBe("NotYet");
    }
}
