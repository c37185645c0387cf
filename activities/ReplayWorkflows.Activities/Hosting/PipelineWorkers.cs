using ReplayWorkflows.Activities.Chunks;
using ReplayWorkflows.Activities.Events;
using ReplayWorkflows.Activities.Rendering;
using ReplayWorkflows.Activities.Segments;
using ReplayWorkflows.Activities.Sources;
using ReplayWorkflows.Workflows.Chunks;
using ReplayWorkflows.Workflows.Clips;
using ReplayWorkflows.Workflows.Contracts;
using ReplayWorkflows.Workflows.Events;
using ReplayWorkflows.Workflows.Exports;
using ReplayWorkflows.Workflows.Replays;
using Temporalio.Worker;

namespace ReplayWorkflows.Activities.Hosting;

/// <summary>
/// The workers of the pipeline, one per task queue: the events queue runs every workflow plus the event-level
/// activities and source watchers; each plugin class queue runs its plugins; the render queues run FFmpeg (clips on
/// one, replays and exports on the other).
/// Any number of processes may run the same queues; Temporal shares the work among them.
/// </summary>
public static class PipelineWorkers
{
    /// <summary>The worker options for <paramref name="taskQueue"/>, with the activities bound to <paramref name="services"/>.</summary>
    public static TemporalWorkerOptions OptionsFor(string taskQueue, PipelineServices services, string? identity = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new TemporalWorkerOptions(taskQueue)
        {
            LoggerFactory = services.LoggerFactory,
            Identity = identity,
            GracefulShutdownTimeout = TimeSpan.FromSeconds(5),
        };
        switch (taskQueue)
        {
            case TaskQueues.Events:
                options.AddWorkflow<EventWorkflow>().AddWorkflow<ChunkWorkflow>().AddWorkflow<ClipWorkflow>()
                    .AddWorkflow<ReplayWorkflow>().AddWorkflow<ExportWorkflow>()
                    .AddAllActivities(new EventActivities(services))
                    .AddAllActivities(new SourceActivities(services));
                break;
            case TaskQueues.Featurer:
                // Analysis decodes video: more at once than cores only queues them up inside FFmpeg.
                options.MaxConcurrentActivities = Math.Max(2, Environment.ProcessorCount);
                options.AddAllActivities(new ChunkActivities(services));
                break;
            case TaskQueues.Classifier or TaskQueues.Labeler or TaskQueues.Optimizer:
                options.AddAllActivities(new SegmentActivities(services));
                break;
            case TaskQueues.Render:
                // Most of a clip is single-threaded FFmpeg (remux, probe, copy): one per core. Segments that close together then
                // render side by side, and a VOD backlog drains on every core once analysis is done.
                options.MaxConcurrentActivities = Math.Max(2, Environment.ProcessorCount);
                options.AddAllActivities(new RenderActivities(services));
                break;
            case TaskQueues.RenderReplays:
                // x264 already spreads one encode over every core.
                options.MaxConcurrentActivities = 1;
                options.AddAllActivities(new RenderActivities(services));
                break;
            default:
                throw new ArgumentException($"'{taskQueue}' is not a pipeline task queue: use one of {string.Join(", ", TaskQueues.All)}", nameof(taskQueue));
        }

        return options;
    }

    /// <summary>Runs workers for <paramref name="taskQueues"/> until <paramref name="cancellationToken"/> is canceled.</summary>
    public static async Task RunAsync(PipelineServices services, IEnumerable<string> taskQueues, CancellationToken cancellationToken, string? identity = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var workers = taskQueues.Distinct(StringComparer.Ordinal).Select(q => new TemporalWorker(services.Client, OptionsFor(q, services, identity))).ToList();
        try
        {
            await Task.WhenAll(workers.Select(w => w.ExecuteAsync(cancellationToken))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Asked to stop.
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }
}
