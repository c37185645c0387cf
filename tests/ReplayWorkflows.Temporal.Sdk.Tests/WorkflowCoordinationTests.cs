using ReplayWorkflows.Testing;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.OperatorService.V1;
using Temporalio.Client;
using Temporalio.Worker;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

public abstract class WorkflowCoordinationTests(DevServerFixture server)
{
    [Fact]
    public async Task Condition_timeouts_WhenAny_external_signals_and_search_attributes_work_together()
    {
        var client = server.Client;
        await client.Connection.OperatorService.AddSearchAttributesAsync(new AddSearchAttributesRequest
        {
            Namespace = "default",
            SearchAttributes = { ["ReplayStage"] = IndexedValueType.Keyword },
        });
        var queue = DevServerFixture.NewId("coord");
        using var worker = new TemporalWorker(client, new TemporalWorkerOptions(queue).AddWorkflow<CoordinatorWorkflow>().AddWorkflow<CounterWorkflow>());
        await worker.ExecuteAsync(async () =>
        {
            var peer = await client.StartWorkflowAsync((CounterWorkflow w) => w.RunAsync(1), new WorkflowOptions(DevServerFixture.NewId("peer"), queue));
            var coordinator = await client.StartWorkflowAsync((CoordinatorWorkflow w) => w.RunAsync(peer.Id), new WorkflowOptions(DevServerFixture.NewId("coord"), queue));

            await Eventually.ReturnsAsync(() => client.CountWorkflowsAsync($"ReplayStage = 'waiting' AND WorkflowId = '{coordinator.Id}'"), c => c.Count == 1, what: "search attribute upserted");
            await coordinator.SignalAsync(w => w.GoAsync());

            (await coordinator.GetResultAsync()).ShouldBe("early=False first=signal");
            (await peer.GetResultAsync()).ShouldBe(string.Empty, "the coordinator's external signal finished the peer");
            var described = await coordinator.DescribeAsync();
            described.TypedSearchAttributes.Get(CoordinatorWorkflow.Stage).ShouldBe("done");
            var history = await coordinator.FetchHistoryAsync();
            // The condition's 50 ms timeout timer fired; the hour-long timer lost the race and ends with the workflow.
            history.Events.Count(e => e.EventType == EventType.TimerStarted).ShouldBe(2);
            history.Events.Count(e => e.EventType == EventType.TimerFired).ShouldBe(1);
        });
    }
}
