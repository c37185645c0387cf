using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace ReplayWorkflows.Workflows.Clips;

/// <summary>
/// Renders the clips of a batch of finished segments (original and optimized bounds), one render activity per segment
/// on the render task queue, in parallel. A segment whose render keeps failing is reported, not fatal.
/// </summary>
[Workflow("ClipWorkflow")]
public class ClipWorkflow
{
    private static readonly ActivityOptions Render = new()
    {
        TaskQueue = TaskQueues.Render,
        StartToCloseTimeout = TimeSpan.FromMinutes(10),
        HeartbeatTimeout = TimeSpan.FromSeconds(20),
        RetryPolicy = new RetryPolicy { MaximumAttempts = 3, InitialInterval = TimeSpan.FromSeconds(2) },
    };

    [WorkflowRun]
    public async Task<ClipBatchOutcome> RunAsync(SegmentBatch batch)
    {
        var renders = batch.Segments
            .Select(s => RenderAsync(batch with { Segments = [s] }))
            .ToList();
        var results = await Workflow.WhenAllAsync(renders);
        return new ClipBatchOutcome(
            results.Where(r => r.Rendered is not null).Select(r => r.Rendered!).ToList(),
            results.Where(r => r.Error is not null).Select(r => r.Error!).ToList());
    }

    private static async Task<(ClipsRendered? Rendered, string? Error)> RenderAsync(SegmentBatch one)
    {
        try
        {
            return (await Workflow.ExecuteActivityAsync<ClipsRendered>(ActivityNames.RenderClips, [one], Render), null);
        }
        catch (ActivityFailureException ex)
        {
            var s = one.Segments[0];
            return (null, $"clip of segment {s.StartMs}-{s.EndMs} ms failed: {ex.InnerException?.Message ?? ex.Message}");
        }
    }
}
