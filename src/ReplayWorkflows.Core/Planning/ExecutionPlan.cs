using ReplayWorkflows.Core.Analysis;

namespace ReplayWorkflows.Core.Planning;

/// <summary>
/// The per-chunk work a profile implies: the stages by level (stages of one level run in parallel), which stages
/// are chunk-ordered, the optimizer's detectors, and the media features to measure in the single decode.
/// </summary>
public sealed record ExecutionPlan(
    IReadOnlyList<PlanStage> Stages,
    IReadOnlyList<MediaFeature> MediaFeatures,
    IReadOnlyList<string> Detectors)
{
    public IReadOnlyList<IReadOnlyList<PlanStage>> Levels =>
        Stages.GroupBy(s => s.Level).OrderBy(g => g.Key).Select(g => (IReadOnlyList<PlanStage>)g.ToList()).ToList();

    public PlanStage this[string plugin] => Stages.First(s => string.Equals(s.Plugin, plugin, StringComparison.Ordinal));
}
