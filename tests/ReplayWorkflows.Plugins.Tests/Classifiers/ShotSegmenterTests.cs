using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Plugins.Classifiers;
using ReplayWorkflows.Plugins.Tests.Support;

namespace ReplayWorkflows.Plugins.Tests.Classifiers;

public sealed class ShotSegmenterTests
{
    [Fact]
    public void Each_cut_ends_one_shot_and_starts_the_next_across_chunks()
    {
        var run = new ClassifierRun(new ShotSegmenter())
            .Chunk(0, 10_000, Data.Cuts(3_000, 7_000))
            .Chunk(10_000, 20_000, Data.Cuts(15_000))
            .Finish(20_000);
        run.Spans.ShouldBe([(0L, 3_000L), (3_000L, 7_000L), (7_000L, 15_000L), (15_000L, 20_000L)]);
        run.Rejected.ShouldBeEmpty();
    }

    [Fact]
    public void A_shot_shorter_than_the_minimum_merges_into_the_next()
    {
        var run = new ClassifierRun(new ShotSegmenter())
            .Chunk(0, 10_000, Data.Cuts(3_000, 4_000, 7_000))
            .Finish(10_000);
        run.Spans.ShouldBe([(0L, 3_000L), (3_000L, 7_000L), (7_000L, 10_000L)]);
    }

    [Fact]
    public void A_shot_longer_than_the_cap_is_closed_at_the_cap_and_the_next_cut_opens_a_new_one()
    {
        var run = new ClassifierRun(new ShotSegmenter(), maxSegmentLengthMs: 5_000)
            .Chunk(0, 10_000, Data.Cuts(8_000))
            .Finish(12_000);
        run.Spans.ShouldBe([(0L, 5_000L), (8_000L, 12_000L)]);
        run.Segments[0].CloseReason.ShouldBe(SegmentCloseReason.MaxLength);
        run.Rejected.ShouldBeEmpty();
    }

    [Fact]
    public void A_shot_longer_than_max_shot_is_split_into_back_to_back_pieces_across_chunks()
    {
        var config = Chunks.Config(("maxShotMs", "4000"));
        var run = new ClassifierRun(new ShotSegmenter(), configuration: config)
            .Chunk(0, 10_000, Data.Cuts(3_000))
            .Chunk(10_000, 20_000, Data.Cuts(13_000))
            .Finish(20_000);
        run.Spans.ShouldBe([(0L, 3_000L), (3_000L, 7_000L), (7_000L, 11_000L), (11_000L, 13_000L), (13_000L, 17_000L), (17_000L, 20_000L)]);
        run.Rejected.ShouldBeEmpty();
    }
}
