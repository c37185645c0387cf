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

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    public void Excitement_is_a_rise_above_the_chunks_baseline_whatever_the_mix_level(double gainDb)
    {
        // A crowd bed with one burst 12 dB over it, mixed at two levels: Loud follows the mix, Excited does not.
        var samples = Level(0, 6_000, -37 + gainDb).Concat(Level(6_000, 8_000, -25 + gainDb)).Concat(Level(8_000, 10_000, -37 + gainDb)).ToList();
        var points = plugin.Analyse(Input(Audio(0, 10_000, new AudioAnalysis(1, [], samples)))).Points;

        points.Select(p => p.HasFlag(LoudnessFeaturer.Excited)).ShouldBe([false, false, false, true, false]);
        points.ShouldAllBe(p => Math.Abs(p.ValueOf(LoudnessFeaturer.BaselineLufs)!.Value - (-37 + gainDb)) < 0.01);
        points[3].ValueOf(LoudnessFeaturer.LevelDb)!.Value.ShouldBe(12, 0.01);
        points[0].ValueOf(LoudnessFeaturer.LevelDb)!.Value.ShouldBe(0, 0.01);
        points.Count(p => p.HasFlag(LoudnessFeaturer.Flag)).ShouldBe(gainDb > 0 ? 1 : 0);
    }

    [Fact]
    public void Silence_never_sets_the_baseline_and_an_all_silent_chunk_has_none()
    {
        var withSilence = Level(0, 4_000, double.NegativeInfinity).Concat(Level(4_000, 8_000, -40)).Concat(Level(8_000, 10_000, -30)).ToList();
        var points = plugin.Analyse(Input(Audio(0, 10_000, new AudioAnalysis(1, [], withSilence)))).Points;
        points.ShouldAllBe(p => Math.Abs(p.ValueOf(LoudnessFeaturer.BaselineLufs)!.Value - (-40)) < 0.01);
        points[^1].HasFlag(LoudnessFeaturer.Excited).ShouldBeTrue();

        var silent = plugin.Analyse(Input(Audio(0, 4_000, new AudioAnalysis(1, [], [.. Level(0, 4_000, double.NegativeInfinity)])))).Points;
        silent.ShouldAllBe(p => !p.HasFlag(LoudnessFeaturer.Excited, true) && p.ValueOf(LoudnessFeaturer.BaselineLufs) == null);
    }
}
