using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Worker;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>Patched and DeprecatePatch through three versions of one workflow type, live and replayed.</summary>
public abstract class PatchTests(DevServerFixture server)
{
    [Fact]
    public async Task A_patch_keeps_old_histories_replaying_and_a_deprecated_patch_replays_patched_ones()
    {
        var (v1Result, v1History) = await RunLiveAsync<PatchingV1>();
        v1Result.ShouldBe("Hello, v1!");

        // Version 2 replays the old history down its old branch, and takes the new one live, recording the patch.
        (await Replayer<PatchingV2>().ReplayWorkflowAsync(v1History)).ReplayFailure.ShouldBeNull();
        var (v2Result, v2History) = await RunLiveAsync<PatchingV2>();
        v2Result.ShouldBe("patched 5");
        var marker = v2History.Events.Single(e => e.EventType == EventType.MarkerRecorded).MarkerRecordedEventAttributes;
        marker.MarkerName.ShouldBe("core_patch");

        // Version 3 replays patched histories; an unpatched one would now take the new branch, which is nondeterminism.
        (await Replayer<PatchingV3>().ReplayWorkflowAsync(v2History)).ReplayFailure.ShouldBeNull();
        await Should.ThrowAsync<WorkflowNondeterminismException>(() => Replayer<PatchingV3>().ReplayWorkflowAsync(v1History));

        // And version 1 cannot replay what version 2 did.
        await Should.ThrowAsync<WorkflowNondeterminismException>(() => Replayer<PatchingV1>().ReplayWorkflowAsync(v2History));

        var (v3Result, _) = await RunLiveAsync<PatchingV3>();
        v3Result.ShouldBe("deprecated 5");
    }

    private static WorkflowReplayer Replayer<TWorkflow>() => new(new WorkflowReplayerOptions().AddWorkflow<TWorkflow>());

    private async Task<(string Result, WorkflowHistory History)> RunLiveAsync<TWorkflow>()
    {
        var queue = DevServerFixture.NewId("patching");
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddAllActivities(new TestActivities()).AddWorkflow<TWorkflow>());
        return await worker.ExecuteAsync(async () =>
        {
            var handle = await server.Client.StartWorkflowAsync("Patching", [], new WorkflowOptions(DevServerFixture.NewId("patching"), queue));
            var result = await handle.GetResultAsync<string>();
            return (result, await handle.FetchHistoryAsync());
        });
    }
}
