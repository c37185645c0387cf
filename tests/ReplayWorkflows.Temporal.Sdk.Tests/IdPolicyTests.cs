using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Exceptions;
using Temporalio.Worker;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>Workflow id reuse policies (after a run closed) and conflict policies (while one runs).</summary>
public abstract class IdPolicyTests(DevServerFixture server)
{
    private TemporalClient Client => server.Client;

    [Fact]
    public async Task Reuse_policies_decide_whether_a_closed_id_may_start_again()
    {
        await WithWorkerAsync(async queue =>
        {
            // A completed run.
            var id = DevServerFixture.NewId("reuse");
            var first = await StartFinishedCounterAsync(id, queue);
            await first.GetResultAsync();

            var rejected = await Should.ThrowAsync<WorkflowAlreadyStartedException>(() => StartCounterAsync(id, queue, WorkflowIdReusePolicy.RejectDuplicate));
            rejected.WorkflowId.ShouldBe(id);
            await Should.ThrowAsync<WorkflowAlreadyStartedException>(() => StartCounterAsync(id, queue, WorkflowIdReusePolicy.AllowDuplicateFailedOnly));
            var again = await StartCounterAsync(id, queue, WorkflowIdReusePolicy.AllowDuplicate);
            again.ResultRunId.ShouldNotBe(first.ResultRunId);
            await again.TerminateAsync("done with it");

            // A failed run may be retried under AllowDuplicateFailedOnly.
            var failedId = DevServerFixture.NewId("reuse-failed");
            await Should.ThrowAsync<WorkflowFailedException>(() => Client.ExecuteWorkflowAsync((FailingActivityWorkflow w) => w.RunAsync(), new WorkflowOptions(failedId, queue)));
            var retried = await StartCounterAsync(failedId, queue, WorkflowIdReusePolicy.AllowDuplicateFailedOnly);
            (await retried.DescribeAsync()).Status.ShouldBe(WorkflowExecutionStatus.Running);
            await retried.TerminateAsync();
        });
    }

    [Fact]
    public async Task Conflict_policies_fail_reuse_or_replace_the_running_workflow()
    {
        await WithWorkerAsync(async queue =>
        {
            var id = DevServerFixture.NewId("conflict");
            var running = await StartCounterAsync(id, queue);

            var failed = await Should.ThrowAsync<WorkflowAlreadyStartedException>(() => StartCounterAsync(id, queue, conflict: WorkflowIdConflictPolicy.Fail));
            failed.RunId.ShouldBe(running.ResultRunId);

            var existing = await StartCounterAsync(id, queue, conflict: WorkflowIdConflictPolicy.UseExisting);
            existing.ResultRunId.ShouldBe(running.ResultRunId, "UseExisting hands back the running run");

            var replacement = await StartCounterAsync(id, queue, conflict: WorkflowIdConflictPolicy.TerminateExisting);
            replacement.ResultRunId.ShouldNotBe(running.ResultRunId);
            (await Client.GetWorkflowHandle(id, running.ResultRunId).DescribeAsync()).Status.ShouldBe(WorkflowExecutionStatus.Terminated);
            (await replacement.DescribeAsync()).Status.ShouldBe(WorkflowExecutionStatus.Running);

            // The older spelling of the same thing: reuse policy TerminateIfRunning.
            var third = await StartCounterAsync(id, queue, WorkflowIdReusePolicy.TerminateIfRunning);
            third.ResultRunId.ShouldNotBe(replacement.ResultRunId);
            (await Client.GetWorkflowHandle(id, replacement.ResultRunId).DescribeAsync()).Status.ShouldBe(WorkflowExecutionStatus.Terminated);
            await third.TerminateAsync();
        });
    }

    private Task<WorkflowHandle<CounterWorkflow, string>> StartFinishedCounterAsync(string id, string queue)
    {
        var options = new WorkflowOptions(id, queue);
        options.SignalWithStart((CounterWorkflow w) => w.FinishAsync());
        return Client.StartWorkflowAsync((CounterWorkflow w) => w.RunAsync(0), options);
    }

    private Task<WorkflowHandle<CounterWorkflow, string>> StartCounterAsync(
        string id, string queue, WorkflowIdReusePolicy reuse = WorkflowIdReusePolicy.AllowDuplicate, WorkflowIdConflictPolicy conflict = WorkflowIdConflictPolicy.Unspecified) =>
        Client.StartWorkflowAsync((CounterWorkflow w) => w.RunAsync(0), new WorkflowOptions(id, queue) { IdReusePolicy = reuse, IdConflictPolicy = conflict });

    private async Task WithWorkerAsync(Func<string, Task> test)
    {
        var queue = DevServerFixture.NewId("ids");
        using var worker = new TemporalWorker(Client, new TemporalWorkerOptions(queue)
            .AddAllActivities(new TestActivities()).AddWorkflow<CounterWorkflow>().AddWorkflow<FailingActivityWorkflow>());
        await worker.ExecuteAsync(() => test(queue));
    }
}
