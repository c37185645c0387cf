using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Converters;
using Temporalio.Exceptions;
using Temporalio.Worker;
using Temporalio.Workflows;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>What workflow code can read about itself, and a workflow's own execution timeout.</summary>
public abstract class WorkflowContextTests(DevServerFixture server)
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
    public async Task A_failing_workflow_is_retried_as_new_runs_under_its_retry_policy_and_the_result_follows_them()
    {
        var queue = DevServerFixture.NewId("wf-retry");
        var id = DevServerFixture.NewId("wf-retry");
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddWorkflow<RetryingWorkflow>());
        var retry = new Temporalio.Common.RetryPolicy { InitialInterval = TimeSpan.FromMilliseconds(200), MaximumAttempts = 5 };
        var (result, lastRun) = await worker.ExecuteAsync(async () =>
        {
            var handle = await server.Client.StartWorkflowAsync((RetryingWorkflow w) => w.RunAsync(3, false), new WorkflowOptions(id, queue) { RetryPolicy = retry });
            return (await handle.GetResultAsync(), await handle.FetchHistoryAsync());
        });

        result.ShouldBe(3, "the third attempt succeeds and GetResultAsync follows the retries to it");
        var last = lastRun.Events.First().WorkflowExecutionStartedEventAttributes;
        last.Attempt.ShouldBe(3);
        var second = (await server.Client.GetWorkflowHandle(id, last.ContinuedExecutionRunId).FetchHistoryAsync()).Events.ToList();
        var started = second[0].WorkflowExecutionStartedEventAttributes;
        started.Attempt.ShouldBe(2);
        started.Initiator.ShouldBe(ContinueAsNewInitiator.Retry);
        started.ContinuedFailure.Message.ShouldBe("attempt 1 fails");
        started.FirstWorkflowTaskBackoff.ToTimeSpan().ShouldBe(TimeSpan.FromMilliseconds(200));
        last.FirstWorkflowTaskBackoff.ToTimeSpan().ShouldBe(TimeSpan.FromMilliseconds(400), "the interval doubles for the next retry");
        (second[1].EventTime.ToDateTime() - second[0].EventTime.ToDateTime()).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(150), "the attempt waits its backoff");
        var failed = second[^1].WorkflowExecutionFailedEventAttributes;
        failed.RetryState.ShouldBe(RetryState.InProgress);
        failed.NewExecutionRunId.ShouldBe(lastRun.Events.First().WorkflowExecutionStartedEventAttributes.OriginalExecutionRunId);
    }

    [Theory]
    [InlineData(false, RetryState.MaximumAttemptsReached, 2)]
    [InlineData(true, RetryState.NonRetryableFailure, 1)]
    public async Task A_workflow_stops_retrying_at_its_attempt_limit_or_a_non_retryable_failure(bool nonRetryable, RetryState expected, int attempts)
    {
        var queue = DevServerFixture.NewId("wf-retry-limit");
        var id = DevServerFixture.NewId("wf-retry-limit");
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddWorkflow<RetryingWorkflow>());
        var retry = new Temporalio.Common.RetryPolicy { InitialInterval = TimeSpan.FromMilliseconds(50), MaximumAttempts = 2 };
        var error = await worker.ExecuteAsync(() => Should.ThrowAsync<WorkflowFailedException>(() => server.Client.ExecuteWorkflowAsync(
            (RetryingWorkflow w) => w.RunAsync(10, nonRetryable), new WorkflowOptions(id, queue) { RetryPolicy = retry })));

        error.InnerException.ShouldBeOfType<ApplicationFailureException>().Message.ShouldBe($"attempt {attempts} fails");
        var last = await server.Client.GetWorkflowHandle(id).FetchHistoryAsync();
        last.Events.First().WorkflowExecutionStartedEventAttributes.Attempt.ShouldBe(attempts);
        last.Events.Last().WorkflowExecutionFailedEventAttributes.RetryState.ShouldBe(expected);
    }

    [Fact]
    public async Task A_cron_workflow_runs_on_its_schedule_carrying_its_last_result_until_terminated()
    {
        var queue = DevServerFixture.NewId("cron");
        var id = DevServerFixture.NewId("cron");
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddWorkflow<RetryingWorkflow>());
        var handle = await server.Client.StartWorkflowAsync((RetryingWorkflow w) => w.RunAsync(1, false), new WorkflowOptions(id, queue) { CronSchedule = "@every 1s" });
        var query = $"WorkflowId = '{id}' AND ExecutionStatus = 'Completed'";
        await worker.ExecuteAsync(async () =>
        {
            for (var i = 0; i < 100 && await server.Client.CountWorkflowsAsync(query) is { Count: < 2 }; i++)
            {
                await Task.Delay(100);
            }
        });
        await server.Client.GetWorkflowHandle(id).TerminateAsync("enough");

        var first = (await server.Client.GetWorkflowHandle(id, handle.ResultRunId).FetchHistoryAsync()).Events.ToList();
        first[0].WorkflowExecutionStartedEventAttributes.FirstWorkflowTaskBackoff.ToTimeSpan().ShouldBe(TimeSpan.FromSeconds(1), "the first run waits for the schedule too");
        var completed = first[^1].WorkflowExecutionCompletedEventAttributes;
        completed.NewExecutionRunId.ShouldNotBeEmpty();
        var second = (await server.Client.GetWorkflowHandle(id, completed.NewExecutionRunId).FetchHistoryAsync()).Events.First().WorkflowExecutionStartedEventAttributes;
        second.Initiator.ShouldBe(ContinueAsNewInitiator.CronSchedule);
        second.CronSchedule.ShouldBe("@every 1s");
        second.LastCompletionResult.Payloads_.ShouldHaveSingleItem();
        second.FirstWorkflowTaskBackoff.ToTimeSpan().ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
        var runs = new List<WorkflowExecutionStatus>();
        await foreach (var run in server.Client.ListWorkflowsAsync($"WorkflowId = '{id}'"))
        {
            runs.Add(run.Status);
        }

        runs.Count(s => s == WorkflowExecutionStatus.Terminated).ShouldBe(1, "terminate ends the chain: no run follows it");
        runs.Count(s => s == WorkflowExecutionStatus.Running).ShouldBe(0);
    }

    [Fact]
    public async Task An_invalid_cron_schedule_is_refused_with_the_reason()
    {
        var error = await Should.ThrowAsync<RpcException>(() => server.Client.StartWorkflowAsync(
            (CounterWorkflow w) => w.RunAsync(0), new WorkflowOptions(DevServerFixture.NewId("cron-bad"), "nowhere") { CronSchedule = "every minute" }));
        error.Code.ShouldBe(RpcException.StatusCode.InvalidArgument);
        error.Message.ShouldContain("Invalid CronSchedule");
    }

    [Fact]
    public async Task An_invalid_workflow_retry_policy_is_refused_with_temporals_reason()
    {
        var error = await Should.ThrowAsync<RpcException>(() => server.Client.StartWorkflowAsync(
            (CounterWorkflow w) => w.RunAsync(0),
            new WorkflowOptions(DevServerFixture.NewId("wf-retry-bad"), "nowhere") { RetryPolicy = new Temporalio.Common.RetryPolicy { BackoffCoefficient = 0.5F } }));
        error.Code.ShouldBe(RpcException.StatusCode.InvalidArgument);
        error.Message.ShouldContain("BackoffCoefficient cannot be less than 1");
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
