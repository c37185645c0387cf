using ReplayWorkflows.Core.Optimization;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Plugins.Optimizers;
using ReplayWorkflows.Plugins.Tests.Support;

namespace ReplayWorkflows.Plugins.Tests.Optimizers;

public sealed class CutPointOptimizerTests
{
    private static readonly Segment Segment = new("event-1", "ShotSegmenter", 10_000, 20_000, SegmentCloseReason.Classifier);

    private static OptimizedSegment Optimize(PluginConfiguration configuration) =>
        new CutPointOptimizer().Optimize(new OptimizerInput(Segment, configuration,
            [new DetectorData("Silence", CutBias.Safe, [DataPoint.Range(8_000, 9_000)])], new TimeRange(0, 100_000)));

    [Fact]
    public void Moves_the_in_point_onto_a_nearby_safe_detection()
    {
        var result = Optimize(PluginConfiguration.Empty);
        (result.OptoStartMs, result.StartOutcome).ShouldBe((8_000L, OptimizationOutcome.Succeeded));
        (result.OptoEndMs, result.EndOutcome).ShouldBe((20_000L, OptimizationOutcome.NoDetection));
    }

    [Fact]
    public void The_configured_search_window_limits_the_move()
    {
        var result = Optimize(Chunks.Config((BuiltInPlugins.SearchWindowParameter, "1000")));
        (result.OptoStartMs, result.StartOutcome).ShouldBe((9_000L, OptimizationOutcome.ClampedToWindow));
    }
}
