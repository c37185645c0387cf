using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Plugins.Featurers;
using static ReplayWorkflows.Plugins.Tests.Support.Chunks;

namespace ReplayWorkflows.Plugins.Tests.Featurers;

public sealed class SceneChangeFeaturerTests
{
    private readonly SceneChangeFeaturer plugin = new();

    [Fact]
    public void Marks_scene_changes_at_or_above_the_default_threshold_as_points()
    {
        var chunk = Video(10_000, 20_000, [new SceneChange(12_000, 0.9), new SceneChange(13_000, 0.08), new SceneChange(15_000, 0.1)]);
        var points = plugin.Analyse(Input(chunk)).Points;
        points.Select(p => (p.StartMs, p.EndMs)).ShouldBe([(12_000L, 12_000L), (15_000L, 15_000L)]);
        points.ShouldAllBe(p => p.HasFlag(SceneChangeFeaturer.Flag, true));
    }

    [Fact]
    public void The_threshold_is_configurable()
    {
        var chunk = Video(0, 10_000, [new SceneChange(1_000, 0.45), new SceneChange(2_000, 0.3)]);
        plugin.Analyse(Input(chunk, null, ("threshold", "0.4"))).Points.Select(p => p.StartMs).ShouldBe([1_000L]);
    }

    [Fact]
    public void Ignores_changes_outside_the_chunk_and_a_chunk_without_video()
    {
        plugin.Analyse(Input(Video(0, 10_000, [new SceneChange(10_000, 1)]))).Points.ShouldBeEmpty();
        plugin.Analyse(Input(Audio(0, 10_000))).Points.ShouldBeEmpty();
    }
}
