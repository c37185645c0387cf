using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Plugins.Featurers;
using static ReplayWorkflows.Plugins.Tests.Support.Chunks;

namespace ReplayWorkflows.Plugins.Tests.Featurers;

public sealed class LoudnessFeaturerTests
{
    private readonly LoudnessFeaturer plugin = new();

    [Fact]
    public void Averages_samples_over_windows_on_the_event_time_grid_and_flags_loud_ones()
    {
        var samples = Level(10_000, 12_000, -30).Concat(Level(12_000, 14_000, -12)).Concat(Level(14_000, 16_000, -20)).ToList();
        var points = plugin.Analyse(Input(Audio(10_000, 16_000, new AudioAnalysis(1, [], samples)))).Points;
        points.Select(p => (p.StartMs, p.EndMs)).ShouldBe([(10_000L, 12_000L), (12_000L, 14_000L), (14_000L, 16_000L)]);
        points.Select(p => p.ValueOf(LoudnessFeaturer.MeanLufs)).ShouldBe([-30.0, -12.0, -20.0]);
        points.Select(p => p.HasFlag(LoudnessFeaturer.Flag)).ShouldBe([false, true, false]);
    }

    [Fact]
    public void The_mean_is_taken_over_power_so_a_quiet_moment_does_not_drag_a_loud_window_down()
    {
        // Half the window at -10 LUFS and half at digital silence: the power mean is 3 dB under -10, not -65.
        var samples = Level(0, 1_000, -10).Concat(Level(1_000, 2_000, double.NegativeInfinity)).ToList();
        var point = plugin.Analyse(Input(Audio(0, 2_000, new AudioAnalysis(1, [], samples)))).Points.ShouldHaveSingleItem();
        point.ValueOf(LoudnessFeaturer.MeanLufs)!.Value.ShouldBe(-13.01, 0.01);
        point.HasFlag(LoudnessFeaturer.Flag).ShouldBeTrue();
    }

    [Fact]
    public void Windows_are_clipped_to_a_chunk_that_is_not_on_the_grid_and_settings_apply()
    {
        var samples = Level(1_000, 4_000, -15).ToList();
        var points = plugin.Analyse(Input(Audio(1_000, 4_000, new AudioAnalysis(1, [], samples)), 1,
            ("windowMs", "1000"), ("loudThresholdLufs", "-14"))).Points;
        points.Select(p => (p.StartMs, p.EndMs)).ShouldBe([(1_000L, 2_000L), (2_000L, 3_000L), (3_000L, 4_000L)]);
        points.ShouldAllBe(p => !p.HasFlag(LoudnessFeaturer.Flag, true));

        var offGrid = plugin.Analyse(Input(Audio(1_000, 4_000, new AudioAnalysis(1, [], samples))))
            .Points.Select(p => (p.StartMs, p.EndMs)).ToList();
        offGrid.ShouldBe([(1_000L, 2_000L), (2_000L, 4_000L)]);
    }
}
