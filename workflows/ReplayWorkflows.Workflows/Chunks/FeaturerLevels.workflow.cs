using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace ReplayWorkflows.Workflows.Chunks;

/// <summary>
/// Runs featurer stages for one chunk level by level, as the chunk workflow (order-free featurers) and the event
/// workflow (featurers that carry state) both do: a level's plugins in parallel, audio plugins once per track, a
/// plugin whose dependency failed skipped, a plugin that keeps failing reported. Workflow code: deterministic.
/// </summary>
internal static class FeaturerLevels
{
    /// <summary>Returns the activity time on the critical path (the slowest run of each level).</summary>
    public static async Task<long> RunAsync(
        IEnumerable<FeaturerStage> stages, int chunk, IReadOnlyList<int> tracks, List<ChunkFailure> failures, HashSet<string> failed,
        Func<FeaturerStage, int?, Task<FeaturerRun>> run)
    {
        long workMs = 0;
        foreach (var level in stages.GroupBy(f => f.Level).OrderBy(g => g.Key))
        {
            var runs = new List<Task<long>>();
            foreach (var stage in level)
            {
                if (stage.WaitsFor.FirstOrDefault(failed.Contains) is { } broken)
                {
                    failed.Add(stage.Plugin);
                    failures.Add(new ChunkFailure(chunk, stage.Plugin, null, $"skipped: its dependency {broken} failed"));
                    continue;
                }

                foreach (var track in stage.PerAudioTrack ? tracks.Select(t => (int?)t) : [null])
                {
                    runs.Add(RunOneAsync(stage, track));
                }
            }

            var elapsed = await Workflow.WhenAllAsync(runs);
            workMs += elapsed.Length > 0 ? elapsed.Max() : 0;
        }

        return workMs;

        async Task<long> RunOneAsync(FeaturerStage stage, int? track)
        {
            try
            {
                return (await run(stage, track)).ElapsedMs;
            }
            catch (ActivityFailureException ex)
            {
                failed.Add(stage.Plugin);
                failures.Add(new ChunkFailure(chunk, stage.Plugin, track, ex.InnerException?.Message ?? ex.Message));
                return 0;
            }
        }
    }
}
