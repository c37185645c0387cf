using ReplayWorkflows.Testing;
using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Media.Analysis;
using ReplayWorkflows.Media.FFmpeg;
using ReplayWorkflows.Media.Generation;
using ReplayWorkflows.Media.Tests.Support;
using Xunit.Abstractions;

namespace ReplayWorkflows.Media.Tests.Analysis;

[Collection(MediaCollection.Name)]
public sealed class MediaAnalyzerTests(MediaFixture media, ITestOutputHelper output)
{
    private static readonly HashSet<MediaFeature> All = [.. Enum.GetValues<MediaFeature>()];

    [Fact]
    public async Task Whole_match_analysis_finds_cuts_within_a_frame_and_black_and_silence_within_100_ms()
    {
        var truth = media.Match.Truth;
        var analysis = await new MediaAnalyzer(media.Runner).AnalyzeAsync(new ChunkAnalysisRequest(media.Match.Mp4Path, 0, 0, All));

        var cuts = Score.Points(truth.Cuts, [.. analysis.Video!.SceneChanges.Select(s => s.TimeMs)], 40);
        var blacks = Score.Ranges(truth.Blacks, analysis.Video.BlackRanges, 100);
        var silences = Score.Ranges(truth.Silences, analysis.Audio[0].SilenceRanges, 100);
        output.WriteLine($"cuts     {cuts}");
        output.WriteLine($"black    {blacks}");
        output.WriteLine($"silence  {silences}");

        // Static pictures (bars, colour cards, black) longer than freezedetect's 2 s window are frozen ranges.
        var frozenTruth = truth.Freezes.Where(f => f.DurationMs > 2000).ToList();
        var freezes = Score.Ranges(frozenTruth, analysis.Video.FreezeRanges, 100);
        output.WriteLine($"freeze   {freezes}");
        freezes.Recall.ShouldBeGreaterThanOrEqualTo(0.8, $"freeze {freezes}");

        cuts.Recall.ShouldBeGreaterThanOrEqualTo(0.95, $"cuts {cuts}");
        cuts.Precision.ShouldBeGreaterThanOrEqualTo(0.95, $"cuts {cuts}");
        blacks.Recall.ShouldBe(1.0, $"black {blacks}");
        blacks.Precision.ShouldBe(1.0, $"black {blacks}");
        silences.Recall.ShouldBe(1.0, $"silence {silences}");
        silences.Precision.ShouldBe(1.0, $"silence {silences}");
    }

    [Fact]
    public async Task Momentary_loudness_is_sampled_every_100_ms_and_bursts_are_louder_than_the_bed()
    {
        var truth = media.Match.Truth;
        var analysis = await new MediaAnalyzer(media.Runner).AnalyzeAsync(
            new ChunkAnalysisRequest(media.Match.Mp4Path, 0, 0, new HashSet<MediaFeature> { MediaFeature.Loudness }));
        analysis.Video.ShouldBeNull();
        var samples = analysis.Audio.ShouldHaveSingleItem().Loudness;
        ((double)samples.Count).ShouldBe(truth.DurationMs / 100.0, 2.0, $"{samples.Count} samples, first at {samples[0].TimeMs} ms, last at {samples[^1].TimeMs} ms, span {analysis.Span}");
        samples.Zip(samples.Skip(1)).ShouldAllBe(p => p.Second.TimeMs - p.First.TimeMs == 100);

        // Skip the first 500 ms of each range: the 400 ms window still holds the previous level.
        double Mean(IEnumerable<TimeRange> ranges) => samples
            .Where(s => ranges.Any(r => s.TimeMs >= r.StartMs + 500 && s.TimeMs <= r.EndMs)).Average(s => s.MomentaryLufs);
        var bed = truth.Shots.Select(s => s.Range).ToList();
        var burstLevel = Mean(truth.Bursts);
        var quiet = samples.Where(s => !truth.Bursts.Concat(truth.Silences).Any(r => s.TimeMs >= r.StartMs - 500 && s.TimeMs <= r.EndMs + 500))
            .Average(s => s.MomentaryLufs);
        output.WriteLine($"burst {burstLevel:0.0} LUFS, bed {quiet:0.0} LUFS, silence {Mean(truth.Silences):0.0} LUFS");
        (burstLevel - quiet).ShouldBeGreaterThan(12);
        Mean(truth.Silences).ShouldBeLessThan(-70);
        bed.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Chunks_report_features_in_event_time_that_agree_with_the_whole_match()
    {
        var truth = media.Match.Truth;
        var chunkMs = MediaFixture.Spec.ChunkSeconds * 1000L;
        var analyzer = new MediaAnalyzer(media.Runner);
        var results = new List<ChunkAnalysis>();
        for (var i = 0; i < media.Match.ChunkPaths.Count; i++)
        {
            results.Add(await analyzer.AnalyzeAsync(new ChunkAnalysisRequest(media.Match.ChunkPaths[i], i + 1, i * chunkMs, All)));
        }

        results.Select(r => r.Span).ShouldBe(results.Select((_, i) => new TimeRange(i * chunkMs, (i + 1) * chunkMs)),
            "each chunk spans its own chunk length of event time");
        results.ShouldAllBe(r => r.Video!.SceneChanges.All(s => r.Span.Contains(s.TimeMs)));

        // A cut on a chunk's very first frame has no previous frame in that chunk to compare with.
        var reachableCuts = truth.Cuts.Where(c => c % chunkMs != 0).ToList();
        var cuts = Score.Points(reachableCuts, [.. results.SelectMany(r => r.Video!.SceneChanges).Select(s => s.TimeMs)], 40);
        var blacks = Score.Ranges(truth.Blacks, Score.Merge(results.SelectMany(r => r.Video!.BlackRanges)), 100);
        var silences = Score.Ranges(truth.Silences, Score.Merge(results.SelectMany(r => r.Audio[0].SilenceRanges)), 100);
        output.WriteLine($"per-chunk cuts    {cuts} ({truth.Cuts.Count - reachableCuts.Count} cuts on chunk starts excluded)");
        output.WriteLine($"per-chunk black   {blacks}");
        output.WriteLine($"per-chunk silence {silences}");
        cuts.Recall.ShouldBeGreaterThanOrEqualTo(0.95);
        cuts.Precision.ShouldBeGreaterThanOrEqualTo(0.95);
        blacks.Recall.ShouldBe(1.0);
        silences.Recall.ShouldBeGreaterThanOrEqualTo(0.8);
    }

    [Fact]
    public async Task Only_requested_features_are_computed()
    {
        var analysis = await new MediaAnalyzer(media.Runner).AnalyzeAsync(
            new ChunkAnalysisRequest(media.Match.ChunkPaths[0], 1, 0, new HashSet<MediaFeature> { MediaFeature.BlackFrames }));
        analysis.Video.ShouldNotBeNull();
        analysis.Video.SceneChanges.ShouldBeEmpty();
        analysis.Video.FreezeRanges.ShouldBeEmpty();
        analysis.Audio.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_lower_processing_frame_rate_still_places_cuts_within_its_frame()
    {
        var truth = media.Match.Truth;
        var analysis = await new MediaAnalyzer(media.Runner).AnalyzeAsync(new ChunkAnalysisRequest(
            media.Match.Mp4Path, 0, 0, new HashSet<MediaFeature> { MediaFeature.SceneChange }, new FrameRate(5, 1)));
        var cuts = Score.Points(truth.Cuts, [.. analysis.Video!.SceneChanges.Select(s => s.TimeMs)], 200);
        output.WriteLine($"cuts at 5 fps {cuts}");
        cuts.Recall.ShouldBeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public async Task A_truncated_chunk_fails_with_ffmpegs_reason()
    {
        using var dir = new TempDir();
        var bytes = await File.ReadAllBytesAsync(media.Match.ChunkPaths[1]);
        var truncated = dir.File("match_2.ts");

        // Cut mid-packet and drop a slab from the middle, as a broken upload would.
        await File.WriteAllBytesAsync(truncated, [.. bytes.Take(bytes.Length / 3), .. bytes.Skip(bytes.Length / 2).Take((bytes.Length / 3) + 101)]);
        var ex = await Should.ThrowAsync<FFmpegException>(() => new MediaAnalyzer(media.Runner).AnalyzeAsync(new ChunkAnalysisRequest(truncated, 2, 8000, All)));
        output.WriteLine(ex.Message);
        ex.Kind.ShouldBe(FFmpegErrorKind.CorruptData);
        ex.Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_garbage_chunk_fails_as_corrupt_data()
    {
        using var dir = new TempDir();
        var garbage = dir.File("match_9.ts");
        await File.WriteAllBytesAsync(garbage, [.. Enumerable.Range(0, 188 * 50).Select(i => (byte)(i * 31 % 253))]);
        var ex = await Should.ThrowAsync<FFmpegException>(() => new MediaAnalyzer(media.Runner).AnalyzeAsync(new ChunkAnalysisRequest(garbage, 9, 64000, All)));
        ex.Kind.ShouldBe(FFmpegErrorKind.CorruptData);
        ex.Reason.ShouldContain("Invalid data");
    }

    [Fact]
    public async Task Cuts_at_1080p_29_97_fall_within_one_ntsc_frame()
    {
        var match = await new MatchGenerator(media.Runner).EnsureAsync(
            new MatchSpec(Seed: 5, DurationSeconds: 12, Variant: MatchVariant.Hd1080p2997, ChunkSeconds: 6), MediaFixture.CacheRoot);
        var info = await media.Prober.ProbeAsync(match.Mp4Path);
        info.Video!.FrameRate.ShouldBe(Rational.Fps2997);
        info.Video.Height.ShouldBe(1080);
        var analysis = await new MediaAnalyzer(media.Runner).AnalyzeAsync(
            new ChunkAnalysisRequest(match.Mp4Path, 0, 0, new HashSet<MediaFeature> { MediaFeature.SceneChange, MediaFeature.BlackFrames }));
        var cuts = Score.Points(match.Truth.Cuts, [.. analysis.Video!.SceneChanges.Select(s => s.TimeMs)], 34);
        output.WriteLine($"1080p29.97 cuts {cuts}");
        cuts.Recall.ShouldBe(1.0);
        cuts.Precision.ShouldBe(1.0);
    }

    [Theory]
    [InlineData(0, 1, 2, "")]
    [InlineData(0, 2, 2, "-threads 1")]
    [InlineData(0, 3, 2, "-threads 1")]
    [InlineData(0, 2, 8, "-threads 4")]
    [InlineData(3, 1, 2, "-threads 3")]
    public void A_decode_alone_threads_as_ffmpeg_chooses_and_decodes_side_by_side_share_the_cores(int configured, int running, int cores, string expected)
    {
        string.Join(' ', MediaAnalyzer.DecodeThreadArguments(configured, running, cores)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(25, 1, 2)]
    [InlineData(30000, 1001, 2)]
    [InlineData(50, 1, 4)]
    [InlineData(60000, 1001, 4)]
    [InlineData(12, 1, 1)]
    [InlineData(5, 1, 1)]
    public void Black_and_freeze_detectors_skip_frames_but_keep_at_least_12_per_second(int numerator, int denominator, int step)
    {
        var rate = new Rational(numerator, denominator);
        MediaAnalyzer.RangeFrameStep(rate).ShouldBe(step);
        (rate.Value / step).ShouldBeGreaterThanOrEqualTo(Math.Min(12, rate.Value), "a slower processing rate is analysed whole");
        MediaAnalyzer.RangeFrameStep(null).ShouldBe(1);
    }

    [Fact]
    public async Task A_chunk_whose_streams_differ_from_the_previous_chunk_of_its_folder_is_analysed_for_what_it_has()
    {
        // The analyzer starts decoding on the previous chunk's layout while it probes; a chunk without audio between
        // two with audio must neither fail nor borrow the old layout.
        using var dir = new TempDir();
        File.Copy(media.Match.ChunkPaths[0], dir.File("cam_1.ts"));
        await media.Runner.RunFFmpegAsync(["-v", "error", "-y", "-i", media.Match.ChunkPaths[1], "-map", "0:v:0", "-c", "copy", dir.File("cam_2.ts")]);
        File.Copy(media.Match.ChunkPaths[2], dir.File("cam_3.ts"));
        var analyzer = new MediaAnalyzer(media.Runner);
        var chunkMs = MediaFixture.Spec.ChunkSeconds * 1000L;

        var first = await analyzer.AnalyzeAsync(new ChunkAnalysisRequest(dir.File("cam_1.ts"), 1, 0, All));
        var silentVideo = await analyzer.AnalyzeAsync(new ChunkAnalysisRequest(dir.File("cam_2.ts"), 2, chunkMs, All));
        var third = await analyzer.AnalyzeAsync(new ChunkAnalysisRequest(dir.File("cam_3.ts"), 3, 2 * chunkMs, All));

        first.Audio.Count.ShouldBe(1);
        silentVideo.Audio.ShouldBeEmpty();
        silentVideo.Video.ShouldNotBeNull();
        third.Audio.Count.ShouldBe(1);
        third.Audio[0].Loudness.ShouldNotBeEmpty();
        var expected = await new MediaAnalyzer(media.Runner).AnalyzeAsync(new ChunkAnalysisRequest(dir.File("cam_3.ts"), 3, 2 * chunkMs, All));
        third.Video!.SceneChanges.ShouldBe(expected.Video!.SceneChanges);
        third.Audio[0].SilenceRanges.ShouldBe(expected.Audio[0].SilenceRanges);
    }
}
