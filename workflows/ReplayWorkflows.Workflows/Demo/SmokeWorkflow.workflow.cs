using Temporalio.Workflows;

namespace ReplayWorkflows.Workflows.Demo;

/// <summary>
/// The interim demo's workflow: proves the embedded stack end to end (activity, durable timer, signal, query)
/// until the replay pipeline's EventWorkflow takes its place.
/// </summary>
[Workflow("ReplayDemoSmoke")]
public class SmokeWorkflow
{
    private readonly List<string> chunks = [];

    [WorkflowQuery]
    public int ChunksReceived => chunks.Count;

    [WorkflowSignal]
    public Task ChunkArrivedAsync(string chunk)
    {
        chunks.Add(chunk);
        return Task.CompletedTask;
    }

    [WorkflowRun]
    public async Task<SmokeResult> RunAsync(int expectedChunks)
    {
        await Workflow.WaitConditionAsync(() => chunks.Count >= expectedChunks);
        await Workflow.DelayAsync(TimeSpan.FromMilliseconds(200));
        // By name: workflows do not reference activity implementations (they live in the activities project).
        var summary = await Workflow.ExecuteActivityAsync<string>(
            "Summarize", [chunks], new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(30) });
        return new SmokeResult(chunks.Count, summary);
    }
}

/// <summary>What the smoke workflow returns.</summary>
public sealed record SmokeResult(int Chunks, string Summary);
