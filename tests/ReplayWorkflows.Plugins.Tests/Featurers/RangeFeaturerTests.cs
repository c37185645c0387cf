using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Plugins.Featurers;
using static ReplayWorkflows.Plugins.Tests.Support.Chunks;

namespace ReplayWorkflows.Plugins.Tests.Featurers;

public sealed class RangeFeaturerTests
{
    [Fact]
    public void Black_ranges_shorter_than_the_minimum_are_dropped()
    {
        var chunk = Video(0, 10_000, black: [R(1_000, 1_080), R(3_000, 3_500)]);
        var points = new BlackFramesFeaturer().Analyse(Input(chunk)).Points;
        points.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            p => (p.StartMs, p.EndMs).ShouldBe((3_000L, 3_500L)),
            p => p.HasFlag(BlackFramesFeaturer.Flag).ShouldBeTrue());
    }

    [Fact]
    public void A_short_range_cut_by_a_chunk_edge_is_kept_because_it_may_continue_in_the_neighbour()
    {
        var chunk = Video(10_000, 20_000, black: [R(10_000, 10_040), R(19_960, 20_000), R(15_000, 15_040)]);
        new BlackFramesFeaturer().Analyse(Input(chunk)).Points.Select(p => p.StartMs).ShouldBe([10_000L, 19_960L]);
    }

    [Fact]
    public void Freezes_use_their_own_longer_default_minimum()
    {
        var chunk = Video(0, 10_000, freeze: [R(1_000, 1_900), R(3_000, 4_200)]);
        var points = new FreezeFeaturer().Analyse(Input(chunk)).Points;
        points.ShouldHaveSingleItem().StartMs.ShouldBe(3_000);
        points[0].HasFlag(FreezeFeaturer.Flag).ShouldBeTrue();
        new FreezeFeaturer().Analyse(Input(chunk, null, ("minDurationMs", "500"))).Points.Count.ShouldBe(2);
    }

    [Fact]
    public void Silence_reads_only_the_plugins_audio_track()
    {
        var chunk = Audio(0, 10_000,
            new AudioAnalysis(1, [R(1_000, 2_000)], []),
            new AudioAnalysis(2, [R(5_000, 5_200), R(6_000, 7_000)], []));
        new SilenceFeaturer().Analyse(Input(chunk, 1)).Points.Select(p => (p.StartMs, p.EndMs)).ShouldBe([(1_000L, 2_000L)]);
        var second = new SilenceFeaturer().Analyse(Input(chunk, 2)).Points;
        second.Select(p => (p.StartMs, p.EndMs)).ShouldBe([(6_000L, 7_000L)], "the 200 ms silence is under the 300 ms default");
        second.ShouldAllBe(p => p.HasFlag(SilenceFeaturer.Flag, true));
        new SilenceFeaturer().Analyse(Input(chunk, 3)).Points.ShouldBeEmpty();
    }
}
