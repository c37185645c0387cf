using ReplayWorkflows.Plugins.Classifiers;
using ReplayWorkflows.Plugins.Tests.Support;

namespace ReplayWorkflows.Plugins.Tests.Classifiers;

public sealed class ExcitementSegmenterTests
{
    [Fact]
    public void Without_scene_changes_a_segment_spans_the_loud_windows_with_hysteresis()
    {
        // -22 LUFS is under the start level but above the end level, so it does not end the segment.
        var run = new ClassifierRun(new ExcitementSegmenter())
            .Chunk(0, 10_000, Data.Loudness(0, 2_000, -30, -15, -22, -28, -30));
        run.Spans.ShouldBe([(2_000L, 6_000L)]);
        run.Rejected.ShouldBeEmpty();
    }

    [Fact]
    public void With_scene_changes_it_starts_at_the_last_cut_before_the_burst_and_ends_at_the_first_cut_after_the_decay()
    {
        var run = new ClassifierRun(new ExcitementSegmenter())
            .Chunk(0, 10_000, Data.Loudness(0, 2_000, -30, -15, -15, -30, -30), Data.Cuts(1_000, 7_000));
        run.Spans.ShouldBe([(1_000L, 7_000L)]);
    }

    [Fact]
    public void The_cut_after_the_decay_may_come_in_the_next_chunk()
    {
        var run = new ClassifierRun(new ExcitementSegmenter())
            .Chunk(0, 10_000, Data.Loudness(0, 2_000, -30, -15, -15, -15, -30), Data.Cuts(1_000))
            .Chunk(10_000, 20_000, Data.Loudness(10_000, 2_000, -30, -30, -30, -30, -30), Data.Cuts(12_000));
        run.Spans.ShouldBe([(1_000L, 12_000L)]);
        run.Rejected.ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_cut_soon_after_the_decay_it_ends_at_the_decay()
    {
        var run = new ClassifierRun(new ExcitementSegmenter())
            .Chunk(0, 10_000, Data.Loudness(0, 2_000, -30, -15, -30, -30, -30), Data.Cuts(1_000))
            .Chunk(10_000, 20_000, Data.Loudness(10_000, 2_000, -30, -30, -30, -30, -30), Data.Cuts(19_000));
        run.Spans.ShouldBe([(1_000L, 4_000L)]);
    }

    [Fact]
    public void Two_bursts_in_one_chunk_give_two_segments()
    {
        var run = new ClassifierRun(new ExcitementSegmenter())
            .Chunk(0, 20_000, Data.Loudness(0, 2_000, -15, -30, -30, -15, -15, -30, -30, -30, -30, -30));
        run.Spans.ShouldBe([(0L, 2_000L), (6_000L, 10_000L)]);
    }

    [Fact]
    public void A_segment_does_not_reach_back_past_the_end_of_the_previous_one()
    {
        // The only cut before the second burst (1000 ms) lies inside the first segment, so the second starts at its burst.
        var run = new ClassifierRun(new ExcitementSegmenter())
            .Chunk(0, 20_000, Data.Loudness(0, 2_000, -30, -15, -30, -30, -30, -30, -30, -15, -15, -15), Data.Cuts(1_000));
        run.Spans.ShouldBe([(1_000L, 4_000L)]);
        run.Open.ShouldBe(14_000L);
        run.Rejected.ShouldBeEmpty();
    }

    [Fact]
    public void A_segment_waiting_for_its_cut_past_the_cap_is_left_to_the_cap_and_the_next_burst_starts_afresh()
    {
        var run = new ClassifierRun(new ExcitementSegmenter(), maxSegmentLengthMs: 5_000)
            .Chunk(0, 10_000, Data.Loudness(0, 2_000, -15, -30, -30, -30, -30), Data.Cuts(7_000))
            .Chunk(10_000, 20_000, Data.Loudness(10_000, 2_000, -30, -15, -30, -30, -30), Data.Cuts(11_000, 15_000));
        run.Spans.ShouldBe([(0L, 5_000L), (11_000L, 15_000L)]);
        run.Segments[0].CloseReason.ShouldBe(Core.Segments.SegmentCloseReason.MaxLength);
        run.Rejected.ShouldBeEmpty();
    }
}
