using ReplayWorkflows.Core.Labeling;
using ReplayWorkflows.Core.Optimization;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Tests.Optimization;

public class CutPointSearchTests
{
    private static readonly Segment Seg = new("evt", "Seg", 31_000, 38_500, SegmentCloseReason.Classifier);
    private static readonly TimeRange Anywhere = new(0, 1_000_000);

    private static DetectorData Detector(CutBias bias, params (long Start, long End)[] ranges) =>
        new("D", bias, ranges.Select(r => DataPoint.Range(r.Start, r.End)).ToList());

    [Fact]
    public void A_safe_detection_covering_the_point_confirms_it()
    {
        var result = CutPointSearch.Optimize(Seg, [Detector(CutBias.Safe, (30_500, 31_200), (38_000, 39_000))], 2_000, Anywhere);
        (result.OptoStartMs, result.OptoEndMs).ShouldBe((31_000L, 38_500L));
        (result.StartOutcome, result.EndOutcome).ShouldBe((OptimizationOutcome.Succeeded, OptimizationOutcome.Succeeded));
    }

    [Fact]
    public void A_safe_detection_near_the_point_pulls_it_onto_the_detection()
    {
        // A silence ending 1 s before the in point and one starting 0.5 s after the out point.
        var result = CutPointSearch.Optimize(Seg, [Detector(CutBias.Safe, (29_500, 30_000), (39_000, 39_800))], 2_000, Anywhere);
        (result.OptoStartMs, result.OptoEndMs).ShouldBe((29_500L, 39_800L));
    }

    [Fact]
    public void A_move_never_exceeds_the_search_window()
    {
        var result = CutPointSearch.Optimize(Seg, [Detector(CutBias.Safe, (20_000, 30_000), (39_000, 45_000))], 2_000, Anywhere);
        (result.OptoStartMs, result.OptoEndMs).ShouldBe((29_000L, 40_500L));
        result.StartOutcome.ShouldBe(OptimizationOutcome.ClampedToWindow);
        result.EndOutcome.ShouldBe(OptimizationOutcome.ClampedToWindow);
    }

    [Fact]
    public void An_unsafe_detection_covering_the_point_pushes_it_to_the_detection_edge()
    {
        // Speech over both points: start earlier at the speech start, end later at the speech end.
        var result = CutPointSearch.Optimize(Seg, [Detector(CutBias.Unsafe, (30_200, 32_000), (38_000, 39_100))], 2_000, Anywhere);
        (result.OptoStartMs, result.OptoEndMs).ShouldBe((30_200L, 39_100L));
    }

    [Fact]
    public void An_unsafe_detection_that_does_not_cover_the_point_leaves_it_alone()
    {
        var result = CutPointSearch.Optimize(Seg, [Detector(CutBias.Unsafe, (29_500, 30_500), (39_000, 39_500))], 2_000, Anywhere);
        (result.OptoStartMs, result.OptoEndMs).ShouldBe((31_000L, 38_500L));
        result.StartOutcome.ShouldBe(OptimizationOutcome.Succeeded);
    }

    [Fact]
    public void Without_detections_the_points_stay_and_say_so()
    {
        var result = CutPointSearch.Optimize(Seg, [Detector(CutBias.Safe, (1_000, 2_000))], 2_000, Anywhere);
        (result.OptoStartMs, result.OptoEndMs).ShouldBe((31_000L, 38_500L));
        result.StartOutcome.ShouldBe(OptimizationOutcome.NoDetection);
    }

    [Fact]
    public void The_first_detector_that_decides_a_side_wins()
    {
        var silence = new DetectorData("Silence", CutBias.Safe, [DataPoint.Range(30_000, 31_500)]);
        var scene = new DetectorData("SceneChange", CutBias.Safe, [DataPoint.At(29_800)]);
        var result = CutPointSearch.Optimize(Seg, [silence, scene], 2_000, Anywhere);
        result.OptoStartMs.ShouldBe(31_000);
    }

    [Fact]
    public void A_move_into_the_previous_segment_is_refused()
    {
        var result = CutPointSearch.Optimize(Seg, [Detector(CutBias.Safe, (29_500, 30_000))], 2_000, new TimeRange(30_000, 1_000_000));
        result.OptoStartMs.ShouldBe(31_000);
        result.StartOutcome.ShouldBe(OptimizationOutcome.Conflict);
    }

    [Fact]
    public void Optimization_waits_until_detectors_cover_the_end_plus_the_window_or_the_event_ends()
    {
        OptimizerReadiness.IsReady(Seg, detectorsCoveredUntilMs: 40_000, searchWindowMs: 2_000, eventEnded: false).ShouldBeFalse();
        OptimizerReadiness.IsReady(Seg, 40_500, 2_000, eventEnded: false).ShouldBeTrue();
        OptimizerReadiness.IsReady(Seg, 39_000, 2_000, eventEnded: true).ShouldBeTrue();

        var early = new Segment("evt", "Seg", 1_000, 5_000, SegmentCloseReason.Classifier);
        var queue = OptimizationQueue.Empty.Add([Seg, early]);
        var (ready, waiting) = queue.TakeReady(20_000, 2_000, eventEnded: false);
        ready.ShouldBe([early]);
        waiting.Pending.ShouldBe([Seg]);
        waiting.TakeReady(20_000, 2_000, eventEnded: true).Ready.ShouldBe([Seg]);
    }

    [Fact]
    public void The_optimizer_data_window_reaches_back_for_covering_detections_and_forward_by_the_window()
    {
        CutPointSearch.DataWindow(Seg, 2_000).ShouldBe(new TimeRange(0, 40_500));
        CutPointSearch.DataWindow(new Segment("e", "c", 100_000, 110_000, SegmentCloseReason.Classifier), 2_000).ShouldBe(new TimeRange(40_000, 112_000));
    }

    [Fact]
    public void A_labeler_sees_only_dependency_data_inside_the_segment()
    {
        var data = new PluginData("Loudness", 1, [DataPoint.At(30_999), DataPoint.At(31_000), DataPoint.Range(38_000, 40_000), DataPoint.At(38_500)]);
        var input = SegmentLabeling.InputFor(Seg, PluginConfiguration.Empty, [data]);
        input.Dependencies.ShouldHaveSingleItem().Points.Select(p => p.StartMs).ShouldBe([31_000L, 38_000L]);
    }
}
