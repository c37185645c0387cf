using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace ReplayWorkflows.Workflows.Chunks;

/// <summary>
/// The order-free work of one chunk: analysis in one decode, then the order-free featurers level by level (a level's
/// plugins in parallel, audio plugins once per track), each as an activity on the featurer task queue. Unreadable media fails the
/// chunk; a plugin that keeps failing is reported and its dependents are skipped; neither fails the workflow, so one
/// bad chunk never stops the event.
/// </summary>
[Workflow("ChunkWorkflow")]
public class ChunkWorkflow
{
    /// <summary>Analysis decodes the whole chunk; a few minutes covers long chunks on a slow machine.</summary>
    private static readonly ActivityOptions Analysis = new()
    {
        TaskQueue = TaskQueues.Featurer,
        StartToCloseTimeout = TimeSpan.FromMinutes(5),
        // The activity heartbeats while FFmpeg decodes, so a killed worker's chunk moves on within seconds.
        HeartbeatTimeout = TimeSpan.FromSeconds(20),
        RetryPolicy = new RetryPolicy { MaximumAttempts = 3, InitialInterval = TimeSpan.FromSeconds(1), NonRetryableErrorTypes = ["CorruptChunk", "MissingChunk"] },
    };

    private static readonly ActivityOptions Featurer = FeaturerOptions(CancellationToken.None);

    [WorkflowRun]
    public async Task<ChunkOutcome> RunAsync(ChunkTask task)
    {
        var number = task.Chunk.Number;
        var started = Workflow.UtcNow;
        ChunkSpan span;
        try
        {
            span = await Workflow.ExecuteActivityAsync<ChunkSpan>(
                ActivityNames.AnalyzeChunk,
                [new AnalyzeChunkInput(task.EventId, task.Chunk, task.StartMs, task.Plan.MediaFeatures, task.Plan.ProcessingFrameRate)],
                Analysis);
        }
        catch (ActivityFailureException ex)
        {
            return new ChunkOutcome(number, task.StartMs, task.StartMs, Failed: true, [new ChunkFailure(number, null, null, Reason(ex))]);
        }

        var tracks = task.AudioTracks.Where(t => t <= span.AudioTracks).ToList();
        var failures = new List<ChunkFailure>();
        var failed = new HashSet<string>(StringComparer.Ordinal);
        // Featurers that carry state run in the event workflow, in chunk order.
        var workMs = span.AnalysisMs + await FeaturerLevels.RunAsync(
            task.Plan.Featurers.Where(f => !f.Ordered), number, tracks, failures, failed,
            (stage, track) => Workflow.ExecuteActivityAsync<FeaturerRun>(ActivityNames.RunFeaturer, [new FeaturerCall(task.EventId, number, stage.Plugin, track)], Featurer));

        return new ChunkOutcome(number, span.StartMs, span.EndMs, Failed: false, failures, (long)(Workflow.UtcNow - started).TotalMilliseconds, workMs, span.AudioTracks);
    }

    /// <summary>How a featurer runs, here and (for the featurers that carry state) in the event workflow.</summary>
    internal static ActivityOptions FeaturerOptions(CancellationToken token) => new()
    {
        TaskQueue = TaskQueues.Featurer,
        StartToCloseTimeout = TimeSpan.FromSeconds(30),
        RetryPolicy = new RetryPolicy { MaximumAttempts = 3, InitialInterval = TimeSpan.FromSeconds(1), NonRetryableErrorTypes = ["PluginConfiguration"] },
        CancellationToken = token,
    };

    private static string Reason(ActivityFailureException ex) => ex.InnerException?.Message ?? ex.Message;
}
