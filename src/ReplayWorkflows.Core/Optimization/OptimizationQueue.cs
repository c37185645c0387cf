using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Core.Optimization;

/// <summary>
/// Closed segments waiting for their detectors, carried across chunks with the segment state. Pure: every operation
/// returns a new queue.
/// </summary>
public sealed record OptimizationQueue(IReadOnlyList<Segment> Pending)
{
    public static OptimizationQueue Empty { get; } = new([]);

    public OptimizationQueue Add(IEnumerable<Segment> closed) => new([.. Pending, .. closed]);

    /// <summary>The segments that are ready now (in time order) and the queue of those still waiting.</summary>
    public (IReadOnlyList<Segment> Ready, OptimizationQueue Waiting) TakeReady(long detectorsCoveredUntilMs, long searchWindowMs, bool eventEnded)
    {
        var ready = Pending.Where(s => OptimizerReadiness.IsReady(s, detectorsCoveredUntilMs, searchWindowMs, eventEnded)).OrderBy(s => s.StartMs).ToList();
        return (ready, new OptimizationQueue(Pending.Where(s => !ready.Contains(s)).ToList()));
    }
}
