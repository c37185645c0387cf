using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Converters;
using Temporalio.Exceptions;
using Temporalio.Worker;
using Temporalio.Workflows;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>What workflow code can read about itself, and a workflow's own execution timeout.</summary>
public sealed class WorkflowContextTests(DevServerFixture server) : IClassFixture<DevServerFixture>
{
    [Fact]
    public async Task Info_memo_init_arguments_and_replaying_are_what_the_starter_and_history_say()
    {
        var queue = DevServerFixture.NewId("context");
        var id = DevServerFixture.NewId("context");
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddAllActivities(new TestActivities()).AddWorkflow<ContextWorkflow>());
        var (result, history, memo) = await worker.ExecuteAsync(async () =>
        {
            var handle = await server.Client.StartWorkflowAsync(
                (ContextWorkflow w) => w.RunAsync("go"),
                new WorkflowOptions(id, queue) { Memo = new Dictionary<string, object> { ["owner"] = "ops" }, ExecutionTimeout = TimeSpan.FromMinutes(5) });
            var result = await handle.GetResultAsync();
            (await handle.QueryAsync(w => w.Prefix)).ShouldBe("GO", "the [WorkflowInit] constructor got the run arguments");
            var described = await handle.DescribeAsync();
            return (result, await handle.FetchHistoryAsync(), described.Memo["owner"]);
        });

        result.ShouldBe($"GO 3+7 owner=ops type=ContextWorkflow queue={queue} attempt=1 timeout=300 first=True in=True");
        (await memo.ToValueAsync<string>()).ShouldBe("ops");
        var listed = await server.Client.ListWorkflowsAsync($"WorkflowId = '{id}'").SingleAsync();
        (await listed.Memo["owner"].ToValueAsync<string>()).ShouldBe("ops");
        Workflow.InWorkflow.ShouldBeFalse("test code is not workflow code");

        // Live, the run method started once, not replaying; the query on the closed workflow rebuilt it from history,
        // replaying, and so does the replayer.
        ContextWorkflow.ReplayingSeen[id].ShouldBe([false, true]);
        (await new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow<ContextWorkflow>()).ReplayWorkflowAsync(history)).ReplayFailure.ShouldBeNull();
        ContextWorkflow.ReplayingSeen[id].ShouldBe([false, true, true]);
    }

    [Fact]
    public async Task A_run_timeout_and_task_timeout_reach_the_workflow_and_the_run_timeout_ends_it()
    {
        var queue = DevServerFixture.NewId("run-timeout");
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddWorkflow<CounterWorkflow>());
        var handle = await server.Client.StartWorkflowAsync(
            (CounterWorkflow w) => w.RunAsync(0),
            new WorkflowOptions(DevServerFixture.NewId("run-timeout"), queue) { RunTimeout = TimeSpan.FromSeconds(1), TaskTimeout = TimeSpan.FromSeconds(3) });
        var error = await worker.ExecuteAsync(() => Should.ThrowAsync<WorkflowFailedException>(() => handle.GetResultAsync()));

        error.InnerException.ShouldBeOfType<TimeoutFailureException>();
        var started = (await handle.FetchHistoryAsync()).Events.First().WorkflowExecutionStartedEventAttributes;
        started.WorkflowRunTimeout.ToTimeSpan().ShouldBe(TimeSpan.FromSeconds(1));
        started.WorkflowTaskTimeout.ToTimeSpan().ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_workflow_retry_policy_is_refused_with_a_clear_reason_until_the_server_supports_it()
    {
        var error = await Should.ThrowAsync<RpcException>(() => server.Client.StartWorkflowAsync(
            (CounterWorkflow w) => w.RunAsync(0),
            new WorkflowOptions(DevServerFixture.NewId("wf-retry"), "nowhere") { RetryPolicy = new Temporalio.Common.RetryPolicy { MaximumAttempts = 3 } }));
        error.Code.ShouldBe(RpcException.StatusCode.InvalidArgument);
        error.Message.ShouldContain("retry polic");
    }

    [Fact]
    public async Task A_workflow_past_its_execution_timeout_fails_with_a_timeout()
    {
        var queue = DevServerFixture.NewId("exec-timeout");
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddWorkflow<CounterWorkflow>());
        var error = await worker.ExecuteAsync(() => Should.ThrowAsync<WorkflowFailedException>(() => server.Client.ExecuteWorkflowAsync(
            (CounterWorkflow w) => w.RunAsync(0), new WorkflowOptions(DevServerFixture.NewId("exec-timeout"), queue) { ExecutionTimeout = TimeSpan.FromSeconds(1) })));

        error.InnerException.ShouldBeOfType<TimeoutFailureException>().TimeoutType.ShouldBe(TimeoutType.StartToClose);
    }
}
