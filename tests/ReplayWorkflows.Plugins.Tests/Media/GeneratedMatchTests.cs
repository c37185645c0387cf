using ReplayWorkflows.Testing;
using ReplayWorkflows.Core.Optimization;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Plugins.Classifiers;
using ReplayWorkflows.Plugins.Labelers;
using ReplayWorkflows.Plugins.Optimizers;
using ReplayWorkflows.Plugins.Tests.Support;
using Xunit.Abstractions;

namespace ReplayWorkflows.Plugins.Tests.Media;

public sealed class GeneratedMatchTests(GeneratedMatchFixture media, ITestOutputHelper output) : IClassFixture<GeneratedMatchFixture>
{
    private const long FrameMs = 40;

    [Fact]
    public void Scene_changes_black_and_silence_match_the_ground_truth()
    {
        var truth = media.Match.Truth;
        var chunkMs = GeneratedMatchFixture.Spec.ChunkSeconds * 1000L;

        // A cut on a chunk's first frame has no previous frame in that chunk to compare with.
        var reachable = truth.Cuts.Where(c => c % chunkMs != 0).ToList();
        var cuts = Score.Points(reachable, [.. media.PointsOf(BuiltInPlugins.SceneChange).Select(p => p.StartMs)], FrameMs);
        var blacks = Score.Ranges(truth.Blacks, Score.Merge(media.PointsOf(BuiltInPlugins.BlackFrames).Select(Span)), 100);
        var silences = Score.Ranges(truth.Silences, Score.Merge(media.PointsOf(BuiltInPlugins.Silence).Select(Span)), 100);
        output.WriteLine($"SceneChange {cuts}");
        output.WriteLine($"BlackFrames {blacks}");
        output.WriteLine($"Silence     {silences}");

        cuts.Recall.ShouldBeGreaterThanOrEqualTo(0.95, $"cuts {cuts}");
        cuts.Precision.ShouldBeGreaterThanOrEqualTo(0.95, $"cuts {cuts}");
        blacks.Recall.ShouldBe(1.0, $"black {blacks}");
        blacks.Precision.ShouldBe(1.0, $"black {blacks}");
        silences.Recall.ShouldBe(1.0, $"silence {silences}");
        silences.Precision.ShouldBe(1.0, $"silence {silences}");
    }

    [Fact]
    public void Freezes_lie_in_static_pictures_and_find_the_long_ones()
    {
        // Static shots and black ranges follow each other, so adjacent truth freezes are one frozen stretch.
        var truth = Score.Merge(media.Match.Truth.Freezes);
        var found = Score.Merge(media.PointsOf(BuiltInPlugins.Freeze).Select(Span));
        output.WriteLine($"truth {string.Join(", ", truth)}");
        output.WriteLine($"found {string.Join(", ", found)}");
        found.ShouldNotBeEmpty();
        found.ShouldAllBe(f => truth.Any(t => f.StartMs >= t.StartMs - 100 && f.EndMs <= t.EndMs + 100));

        // freezedetect reports a freeze only after its 2 s window, and each chunk restarts it: a stretch needs 3 s
        // inside one chunk to be found for sure.
        var findable = truth.Where(t => Enumerable.Range(0, 6).Any(i => Math.Min(t.EndMs, (i + 1) * 10_000L) - Math.Max(t.StartMs, i * 10_000L) >= 3_000)).ToList();
        findable.ShouldAllBe(t => found.Any(f => f.Overlaps(t)));
    }

    [Fact]
    public void Loud_windows_lie_in_the_excitement_bursts()
    {
        var loud = media.PointsOf(BuiltInPlugins.Loudness).Where(p => p.HasFlag("Loud")).ToList();
        output.WriteLine(string.Join(", ", media.PointsOf(BuiltInPlugins.Loudness).Select(p => $"{p.StartMs}:{p.ValueOf("MeanLufs"):0.0}")));
        loud.ShouldNotBeEmpty();
        loud.ShouldAllBe(p => media.Match.Truth.Bursts.Any(b => b.StartMs < p.EndMs && p.StartMs < b.EndMs));
        media.Match.Truth.Bursts.ShouldAllBe(b => loud.Any(p => b.StartMs < p.EndMs && p.StartMs < b.EndMs));
    }

    [Fact]
    public void Excited_windows_find_every_burst_over_the_adaptive_baseline_with_default_settings()
    {
        // The fixture tunes loudThresholdLufs to the quiet generated mix; the baseline rise needs no tuning.
        var excited = media.PointsOf(BuiltInPlugins.Loudness).Where(p => p.HasFlag("Excited")).ToList();
        output.WriteLine(string.Join(", ", excited.Select(p => $"{p.StartMs}:{p.ValueOf("LevelDb"):0.0} dB")));
        excited.ShouldNotBeEmpty();
        excited.ShouldAllBe(p => media.Match.Truth.Bursts.Any(b => b.StartMs < p.EndMs && p.StartMs < b.EndMs));
        media.Match.Truth.Bursts.ShouldAllBe(b => excited.Any(p => b.StartMs < p.EndMs && p.StartMs < b.EndMs));
    }

    [Fact]
    public void Shot_segments_tile_the_match_from_cut_to_cut()
    {
        var run = Classify(new ShotSegmenter());
        output.WriteLine(string.Join(", ", run.Spans));
        var segments = run.Segments;
        segments[0].StartMs.ShouldBe(0);
        segments[^1].EndMs.ShouldBe(media.Match.Truth.DurationMs);
        segments.Zip(segments.Skip(1)).ShouldAllBe(p => p.First.EndMs == p.Second.StartMs);
        segments.Skip(1).ShouldAllBe(s => media.Match.Truth.Cuts.Any(c => Math.Abs(c - s.StartMs) <= FrameMs));
        segments.SkipLast(1).ShouldAllBe(s => s.DurationMs >= 2_000);
        run.Rejected.ShouldBeEmpty();
    }

    [Fact]
    public void Excitement_segments_cover_each_burst_once_from_cut_to_cut()
    {
        var truth = media.Match.Truth;
        var run = Classify(new ExcitementSegmenter());
        output.WriteLine(string.Join(", ", run.Spans));
        var segments = run.Segments;
        segments.Count.ShouldBe(truth.Bursts.Count);
        foreach (var (burst, segment) in truth.Bursts.Zip(segments))
        {
            segment.StartMs.ShouldBeLessThanOrEqualTo(burst.StartMs + 2_000, $"{segment.Span} starts near {burst}");
            segment.EndMs.ShouldBeGreaterThanOrEqualTo(burst.EndMs - 2_000, $"{segment.Span} ends near {burst}");
            segment.DurationMs.ShouldBeLessThanOrEqualTo(burst.DurationMs + ExcitementSegmenter.MaxLeadMs + ExcitementSegmenter.MaxTailMs);
        }

        // Bounds are at detected scene changes unless no cut was near enough.
        var cutBounds = segments.SelectMany(s => new[] { s.StartMs, s.EndMs }).Count(t => truth.Cuts.Any(c => Math.Abs(c - t) <= FrameMs));
        output.WriteLine($"{cutBounds} of {segments.Count * 2} bounds on cuts");
        cutBounds.ShouldBeGreaterThanOrEqualTo(segments.Count);
        run.Rejected.ShouldBeEmpty();
    }

    [Fact]
    public void Excitement_segments_are_labelled_by_their_peak_and_their_cut_points_move_only_onto_detections()
    {
        var run = Classify(new ExcitementSegmenter());
        var labeler = new ExcitementLabeler();
        var optimizer = new CutPointOptimizer();
        var data = media.Data.SelectMany(d => d).ToList();
        var detectors = new[] { BuiltInPlugins.Silence, BuiltInPlugins.BlackFrames, BuiltInPlugins.SceneChange }
            .Select(name => new DetectorData(name, CutBias.Safe, PluginData.PointsOf(data, name))).ToList();
        var configuration = PluginConfiguration.Resolve(labeler.Descriptor.Configuration, new Dictionary<string, string> { ["highLufs"] = "-21" });
        var limits = new TimeRange(0, media.Match.Truth.DurationMs);
        foreach (var segment in run.Segments)
        {
            var label = labeler.Label(new LabelerInput(segment, configuration, data));
            output.WriteLine($"{segment.Span}: {label.Label} peak {label.Values[ExcitementLabeler.PeakLufs]:0.0} LUFS");
            label.Label.ShouldBe(ExcitementLabeler.High, $"{segment.Span} holds a burst near -20 LUFS");

            var optimized = optimizer.Optimize(new OptimizerInput(segment, PluginConfiguration.Empty, detectors, limits));
            output.WriteLine($"  optimized [{optimized.OptoStartMs}, {optimized.OptoEndMs}) {optimized.StartOutcome}/{optimized.EndOutcome}");
            optimized.OptoStartMs.ShouldBeLessThan(optimized.OptoEndMs);
            Math.Abs(optimized.OptoStartMs - segment.StartMs).ShouldBeLessThanOrEqualTo(3_000);
            Math.Abs(optimized.OptoEndMs - segment.EndMs).ShouldBeLessThanOrEqualTo(3_000);
            foreach (var moved in new[] { (segment.StartMs, optimized.OptoStartMs, optimized.StartOutcome), (segment.EndMs, optimized.OptoEndMs, optimized.EndOutcome) })
            {
                if (moved.Item1 != moved.Item2 && moved.Item3 == OptimizationOutcome.Succeeded)
                {
                    detectors.SelectMany(d => d.Points).ShouldContain(p => p.StartMs == moved.Item2 || p.EndMs == moved.Item2);
                }
            }
        }
    }

    private ClassifierRun Classify(IClassifier classifier)
    {
        var run = new ClassifierRun(classifier, 120_000, GeneratedMatchFixture.Configuration(classifier.Descriptor));
        foreach (var (chunk, data) in media.Chunks.Zip(media.Data))
        {
            run.Chunk(chunk.Span.StartMs, chunk.Span.EndMs, [.. data]);
        }

        return run.Finish(media.Chunks[^1].Span.EndMs);
    }

    private static TimeRange Span(DataPoint p) => new(p.StartMs, p.EndMs);
}
