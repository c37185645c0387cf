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
        var workMs = span.AnalysisMs;
        // Featurers that carry state run in the event workflow, in chunk order.
        foreach (var level in task.Plan.Featurers.Where(f => !f.Ordered).GroupBy(f => f.Level).OrderBy(g => g.Key))
        {
            var runs = new List<Task<long>>();
            foreach (var stage in level)
            {
                if (stage.WaitsFor.FirstOrDefault(failed.Contains) is { } broken)
                {
                    failed.Add(stage.Plugin);
                    failures.Add(new ChunkFailure(number, stage.Plugin, null, $"skipped: its dependency {broken} failed"));
                    continue;
                }

                foreach (var track in stage.PerAudioTrack ? tracks.Select(t => (int?)t) : [null])
                {
                    runs.Add(RunFeaturerAsync(task.EventId, number, stage.Plugin, track, failures, failed));
                }
            }

            var elapsed = await Workflow.WhenAllAsync(runs);
            workMs += elapsed.Length > 0 ? elapsed.Max() : 0;
        }

        return new ChunkOutcome(number, span.StartMs, span.EndMs, Failed: false, failures, (long)(Workflow.UtcNow - started).TotalMilliseconds, workMs, span.AudioTracks);
    }

    private static async Task<long> RunFeaturerAsync(string eventId, int chunk, string plugin, int? track, List<ChunkFailure> failures, HashSet<string> failed)
    {
        try
        {
            var run = await Workflow.ExecuteActivityAsync<FeaturerRun>(ActivityNames.RunFeaturer, [new FeaturerCall(eventId, chunk, plugin, track)], Featurer);
            return run.ElapsedMs;
        }
        catch (ActivityFailureException ex)
        {
            failed.Add(plugin);
            failures.Add(new ChunkFailure(chunk, plugin, track, Reason(ex)));
            return 0;
        }
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
