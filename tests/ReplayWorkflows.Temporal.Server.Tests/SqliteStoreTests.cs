using ReplayWorkflows.Temporal.Server.Persistence;
using ReplayWorkflows.Testing;
using Temporalio.Api.Enums.V1;

namespace ReplayWorkflows.Temporal.Server.Tests;

public sealed class SqliteStoreTests : IDisposable
{
    private readonly string path = Path.Combine(RepoPaths.Cache, "server-tests", $"{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_restarted_engine_rebuilds_runs_from_the_file_and_hands_out_the_pending_task_again()
    {
        string runId;
        await using (var h = new EngineHarness(new SqliteExecutionStore(path)))
        {
            runId = h.Start("wf-persist").RunId;
            var task = await h.PollWorkflowTaskAsync();
            h.Complete(task, EngineHarness.ScheduleActivity("a1"));
        }

        await using var restarted = new EngineHarness(new SqliteExecutionStore(path));
        restarted.Engine.Recover(restarted.Store.LoadRuns()).ShouldBe(1);
        restarted.EventTypes("wf-persist").Count.ShouldBe(5);
        var activity = await restarted.PollActivityTaskAsync();
        activity.WorkflowExecution.RunId.ShouldBe(runId);
        restarted.Engine.CompleteActivity(activity.TaskToken, null, "w");
        var next = await restarted.PollWorkflowTaskAsync();
        next.History.Events.Select(e => e.EventId).ShouldBe(Enumerable.Range(1, next.History.Events.Count).Select(i => (long)i));
        next.History.Events.Select(e => e.EventType).ShouldContain(EventType.ActivityTaskCompleted);
    }

    [Fact]
    public void Namespaces_survive_a_restart()
    {
        using (var store = new SqliteExecutionStore(path))
        {
            new Namespaces.NamespaceRegistry(store).Ensure("payments");
        }

        using var reopened = new SqliteExecutionStore(path);
        new Namespaces.NamespaceRegistry(reopened).Get("payments").Name.ShouldBe("payments");
    }

    public void Dispose()
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
