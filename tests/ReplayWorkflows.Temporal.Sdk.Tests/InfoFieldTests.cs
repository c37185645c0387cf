using Google.Protobuf;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Converters;
using Temporalio.Exceptions;
using Temporalio.Worker;
using Temporalio.Workflows;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>The WorkflowInfo and ActivityInfo fields the SDK fills from the started event and the activity task.</summary>
public sealed class InfoFieldTests(DevServerFixture server) : IClassFixture<DevServerFixture>
{
    private TemporalWorker Worker(string queue) => new(server.Client, new TemporalWorkerOptions(queue)
        .AddAllActivities(new InfoActivities())
        .AddWorkflow<InfoWorkflow>());

    [Fact]
    public async Task A_retried_run_sees_the_previous_attempts_failure_as_LastFailure()
    {
        var queue = DevServerFixture.NewId("info-retry");
        var id = DevServerFixture.NewId("info-retry");
        using var worker = Worker(queue);
        await worker.ExecuteAsync(() => server.Client.ExecuteWorkflowAsync(
            (InfoWorkflow w) => w.RunAsync("fail-first"),
            new WorkflowOptions(id, queue) { RetryPolicy = new RetryPolicy { InitialInterval = TimeSpan.FromMilliseconds(100), MaximumAttempts = 3 } }));

        var runs = InfoWorkflow.Seen[id].ToList();
        runs.Count.ShouldBe(2);
        runs[0].LastFailure.ShouldBeNull();
        var failure = runs[1].LastFailure.ShouldBeOfType<ApplicationFailureException>();
        failure.Message.ShouldBe("first attempt fails");
        failure.ErrorType.ShouldBe("Flaky");
        runs[1].Attempt.ShouldBe(2);
        runs[1].ContinuedRunId.ShouldBe(runs[0].RunId);
        runs[1].Root.ShouldBeNull("a top-level workflow is its own root");
        runs[1].Headers.ShouldNotBeNull().ShouldBeEmpty();
        runs[1].Priority.ShouldBe(Priority.Default);
    }

    [Fact]
    public async Task A_cron_run_sees_the_previous_runs_result_as_LastResult()
    {
        var queue = DevServerFixture.NewId("info-cron");
        var id = DevServerFixture.NewId("info-cron");
        using var worker = Worker(queue);
        await worker.ExecuteAsync(async () =>
        {
            var handle = await server.Client.StartWorkflowAsync((InfoWorkflow w) => w.RunAsync("cron"), new WorkflowOptions(id, queue) { CronSchedule = "@every 1s" });
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while ((InfoWorkflow.Seen.GetValueOrDefault(id)?.Count ?? 0) < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            await server.Client.GetWorkflowHandle(id).TerminateAsync("enough runs");
        });

        var runs = InfoWorkflow.Seen[id].ToList();
        runs.Count.ShouldBeGreaterThanOrEqualTo(2);
        runs[0].LastResult.ShouldBeNull();
        runs[0].CronSchedule.ShouldBe("@every 1s");
        var last = runs[1].LastResult.ShouldNotBeNull().ShouldHaveSingleItem();
        DataConverter.Default.PayloadConverter.ToValue<string>(last).ShouldBe(runs[0].RunId);
    }

    [Fact]
    public async Task Priority_reaches_the_workflow_its_activity_and_its_child_and_the_child_knows_its_root()
    {
        var queue = DevServerFixture.NewId("info-priority");
        var id = DevServerFixture.NewId("info-priority");
        var priority = new Priority(priorityKey: 4, fairnessKey: "tenant-a", fairnessWeight: 1.5F);
        using var worker = Worker(queue);
        var result = await worker.ExecuteAsync(() => server.Client.ExecuteWorkflowAsync(
            (InfoWorkflow w) => w.RunAsync("parent"),
            new WorkflowOptions(id, queue) { Priority = priority }));

        result.ShouldBe("Record", "the activity type drops the Async suffix");
        var parent = InfoWorkflow.Seen[id].Single();
        parent.Priority.ShouldBe(priority);
        parent.Root.ShouldBeNull();

        var child = InfoWorkflow.Seen[$"{id}-child"].Single();
        child.Priority.ShouldBe(new Priority(priorityKey: 2));
        child.Parent.ShouldBe(new WorkflowInfo.ParentInfo(parent.Namespace, parent.RunId, id));
        child.Root.ShouldBe(new WorkflowInfo.RootInfo(parent.RunId, id));

        var activity = InfoActivities.Seen[$"{id}-child"];
        activity.Priority.ShouldBe(new Priority(priorityKey: 2), "an activity without its own priority takes its workflow's");
        activity.RetryPolicy.ShouldNotBeNull().MaximumAttempts.ShouldBe(4);
        activity.Namespace.ShouldBe("default");
        activity.IsWorkflowActivity.ShouldBeTrue();
        activity.WorkflowRunId.ShouldBe(child.RunId);
        activity.WorkflowType.ShouldBe("InfoWorkflow");
        activity.DataConverter.ShouldBeSameAs(server.Client.Options.DataConverter);
    }

    [Fact]
    public async Task Headers_on_the_start_request_reach_WorkflowInfo()
    {
        var queue = DevServerFixture.NewId("info-headers");
        var id = DevServerFixture.NewId("info-headers");
        var converter = DataConverter.Default.PayloadConverter;
        using var worker = Worker(queue);
        await worker.ExecuteAsync(async () =>
        {
            // The client sends headers only through interceptors, so this start is a raw request.
            await server.Client.WorkflowService.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest
            {
                Namespace = server.Client.Options.Namespace,
                WorkflowId = id,
                WorkflowType = new Temporalio.Api.Common.V1.WorkflowType { Name = "InfoWorkflow" },
                TaskQueue = new TaskQueue { Name = queue },
                Input = new Temporalio.Api.Common.V1.Payloads { Payloads_ = { converter.ToPayload("plain") } },
                RequestId = Guid.NewGuid().ToString(),
                Header = new Temporalio.Api.Common.V1.Header { Fields = { ["trace-id"] = converter.ToPayload("abc123") } },
            });
            await server.Client.GetWorkflowHandle(id).GetResultAsync();
        });

        var headers = InfoWorkflow.Seen[id].Single().Headers.ShouldNotBeNull();
        converter.ToValue<string>(headers["trace-id"]).ShouldBe("abc123");
    }
}
