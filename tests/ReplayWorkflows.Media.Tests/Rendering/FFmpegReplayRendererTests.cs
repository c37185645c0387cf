using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Media.Analysis;
using ReplayWorkflows.Media.Clips;
using ReplayWorkflows.Media.FFmpeg;
using ReplayWorkflows.Media.Generation;
using ReplayWorkflows.Media.Rendering;
using ReplayWorkflows.Media.Tests.Support;
using ReplayWorkflows.Testing;
using Xunit.Abstractions;

namespace ReplayWorkflows.Media.Tests.Rendering;

[Collection(MediaCollection.Name)]
public sealed class FFmpegReplayRendererTests(MediaFixture media, ITestOutputHelper output)
{
    private const double OneFrame = 0.04;

    // Three segments out of order of the chunks, one crossing a chunk boundary, none starting on a key frame.
    private static readonly TimeRange[] Segments = [new(41_320, 46_080), new(8_120, 13_760), new(25_040, 29_960)];

    [Fact]
    public async Task A_replay_with_fades_renders_mp4_and_hls_at_two_resolutions_with_a_master_playlist()
    {
        using var dir = new TempDir();
        var result = await new FFmpegReplayRenderer(media.Runner).RenderAsync(new ReplayRenderRequest(
            Chunks.Of(media), Segments, [RenderResolution.P720, RenderResolution.P360], dir.Path, "replay", Mp4: true, Hls: true, TransitionMs: 1000));

        var planned = result.PlannedDuration.TotalSeconds;
        planned.ShouldBe((Segments.Sum(s => s.DurationMs) - 2000) / 1000.0);
        foreach (var res in new[] { RenderResolution.P720, RenderResolution.P360 })
        {
            var info = await MediaAssert.PlayableAsync(result.Mp4ByResolution[res.Name], planned, OneFrame);
            info.Video!.Width.ShouldBe(res.Width);
            info.Video.Height.ShouldBe(res.Height);
            info.AudioTracks[0].Duration!.Value.TotalSeconds.ShouldBe(planned, 0.1, "audio crossfades keep audio as long as video");
            await MediaAssert.PlayableAsync(result.HlsByResolution[res.Name], planned, OneFrame);
            await HlsValidator.ValidAsync(result.HlsByResolution[res.Name]);
        }

        var master = await HlsValidator.ParseStrictAsync(result.MasterPlaylist!);
        master.ShouldContain("\"master\":true");
        master.ShouldContain("\"variants\":2");
        (await File.ReadAllTextAsync(result.MasterPlaylist!)).ShouldContain("RESOLUTION=640x360");

        // Fade through black: the picture goes black inside each 1 s transition window (xfade's fadeblack curve
        // reaches black before the window's middle, so the whole window is accepted).
        var analysis = await new MediaAnalyzer(media.Runner, new AnalysisOptions { BlackMinMs = 0 }).AnalyzeAsync(
            new ChunkAnalysisRequest(result.Mp4ByResolution["360p"], 0, 0, new HashSet<MediaFeature> { MediaFeature.BlackFrames }));
        var windows = new[] { Segments[0].DurationMs - 1000, Segments[0].DurationMs + Segments[1].DurationMs - 2000 }
            .Select(start => new TimeRange(start, start + 1000)).ToList();
        output.WriteLine($"black ranges {string.Join(", ", analysis.Video!.BlackRanges)}; transitions {string.Join(", ", windows)}");
        analysis.Video.BlackRanges.Count.ShouldBe(2, "black only in the transitions");
        foreach (var window in windows)
        {
            analysis.Video.BlackRanges.ShouldContain(r => r.StartMs >= window.StartMs && r.EndMs <= window.EndMs, $"black within the transition {window}");
        }
    }

    [Fact]
    public async Task A_rendition_at_the_sources_format_copies_the_picture_between_joins_and_stays_frame_exact()
    {
        using var dir = new TempDir();
        var result = await new FFmpegReplayRenderer(media.Runner).RenderAsync(new ReplayRenderRequest(
            Chunks.Of(media), Segments, [RenderResolution.P720], dir.Path, "copied", Mp4: true, Hls: true, TransitionMs: 1000));

        result.CopiedResolutions.ShouldBe(["720p"]);
        var planned = (Segments.Sum(s => s.DurationMs) - 2000) / 1000.0;
        var info = await MediaAssert.PlayableAsync(result.Mp4ByResolution["720p"], planned, OneFrame);
        info.Video!.Width.ShouldBe(1280);
        info.AudioTracks[0].Duration!.Value.TotalSeconds.ShouldBe(planned, 0.1, "the audio is encoded over the same crossfades");
        await MediaAssert.PlayableAsync(result.HlsByResolution["720p"], planned, OneFrame);
        await HlsValidator.ValidAsync(result.HlsByResolution["720p"]);

        // Where each segment starts in the replay: after the ones before it, less one fade per join.
        var starts = new List<long>();
        long at = 0;
        foreach (var segment in Segments)
        {
            starts.Add(at);
            at += segment.DurationMs - 1000;
        }

        // Frame-exact in copied and encoded pieces alike: every source cut clear of the fades is in the replay where
        // the plan puts it, and nothing else is.
        var analysis = await new MediaAnalyzer(media.Runner, new AnalysisOptions { BlackMinMs = 0 }).AnalyzeAsync(new ChunkAnalysisRequest(
            result.Mp4ByResolution["720p"], 0, 0, new HashSet<MediaFeature> { MediaFeature.SceneChange, MediaFeature.BlackFrames }));
        var expected = Segments.SelectMany((s, i) => media.Match.Truth.Cuts
            .Where(c => c >= s.StartMs + 1000 && c < s.EndMs - 1000)
            .Select(c => starts[i] + (c - s.StartMs))).ToList();
        var fades = starts.Skip(1).Select(start => new TimeRange(start, start + 1000)).ToList();
        var found = analysis.Video!.SceneChanges.Select(s => s.TimeMs).Where(t => !fades.Any(f => f.StartMs - 40 <= t && t <= f.EndMs + 40)).ToList();
        output.WriteLine($"cuts expected {string.Join(",", expected)}; found outside fades {string.Join(",", found)}; black {string.Join(", ", analysis.Video.BlackRanges)}");
        expected.ShouldNotBeEmpty();
        var score = Score.Points(expected, found, 40);
        score.Recall.ShouldBe(1.0);
        score.Precision.ShouldBe(1.0);

        // The fades through black are where the plan puts them, and only there.
        analysis.Video.BlackRanges.Count.ShouldBe(2);
        foreach (var fade in fades)
        {
            analysis.Video.BlackRanges.ShouldContain(r => r.StartMs >= fade.StartMs && r.EndMs <= fade.EndMs, $"black within the transition {fade}");
        }
    }

    [Fact]
    public async Task A_copied_rendition_of_ntsc_video_joins_its_pieces_without_a_repeated_frame()
    {
        // 29.97 fps: frame times are not whole milliseconds, so a piece that ends one frame late shows up as a
        // repeated timestamp where the next piece starts.
        var match = await new MatchGenerator(media.Runner).EnsureAsync(
            new MatchSpec(Seed: 5, DurationSeconds: 12, Variant: MatchVariant.Hd1080p2997, ChunkSeconds: 6), MediaFixture.CacheRoot);
        var chunks = new List<MediaChunk>();
        long start = 0;
        foreach (var (path, i) in match.ChunkPaths.Select((p, i) => (p, i)))
        {
            var length = (long)Math.Round((await media.Prober.ProbeAsync(path)).Video!.Duration!.Value.TotalMilliseconds);
            chunks.Add(new MediaChunk(i + 1, path, new TimeRange(start, start + length)));
            start += length;
        }

        using var dir = new TempDir();
        TimeRange[] segments = [new(700, 5_300), new(6_800, 11_300)];
        var result = await new FFmpegReplayRenderer(media.Runner).RenderAsync(new ReplayRenderRequest(
            chunks, segments, [RenderResolution.Wide16x9], dir.Path, "ntsc", TransitionMs: 500));

        result.CopiedResolutions.ShouldBe(["16:9"]);
        await MediaAssert.PlayableAsync(result.Mp4ByResolution["16:9"], (segments.Sum(s => s.DurationMs) - 500) / 1000.0, 1001.0 / 30_000);
    }

    [Fact]
    public async Task A_copied_rendition_that_ffmpeg_refuses_is_encoded_in_full_instead()
    {
        using var dir = new TempDir();

        // A real FFmpeg behind a wrapper that refuses the copied rendition's join encodes (the only runs with -fps_mode).
        var wrapper = dir.File("ffmpeg-refusing-joins.sh");
        await File.WriteAllTextAsync(wrapper, "#!/bin/sh\ncase \"$*\" in *fps_mode*) echo 'injected: join encode refused' >&2; exit 1;; esac\nexec ffmpeg \"$@\"\n");
        Assert.False(OperatingSystem.IsWindows());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var runner = new FFmpegRunner(new FFmpegOptions { FFmpegPath = wrapper });

        var request = new ReplayRenderRequest(Chunks.Of(media), Segments[..2], [RenderResolution.P720], dir.Path, "fallback", TransitionMs: 1000);
        (await new FFmpegReplayRenderer(media.Runner).RenderAsync(request)).CopiedResolutions.ShouldBe(["720p"], "with a willing FFmpeg this replay is copied");
        var result = await new FFmpegReplayRenderer(runner).RenderAsync(request);

        result.CopiedResolutions.ShouldBeEmpty();
        await MediaAssert.PlayableAsync(result.Mp4ByResolution["720p"], (Segments[..2].Sum(s => s.DurationMs) - 1000) / 1000.0, OneFrame);
    }

    [Fact]
    public async Task A_source_over_the_renditions_bitrate_cap_is_encoded_not_copied()
    {
        using var dir = new TempDir();
        var capped = new RenderResolution("720p-capped", 1280, 720, MaxBitrateKbps: 300, BandwidthBps: 400_000);
        var result = await new FFmpegReplayRenderer(media.Runner).RenderAsync(new ReplayRenderRequest(
            Chunks.Of(media), Segments[..2], [capped], dir.Path, "capped", TransitionMs: 1000));

        result.CopiedResolutions.ShouldBeEmpty();
        var planned = (Segments[..2].Sum(s => s.DurationMs) - 1000) / 1000.0;
        await MediaAssert.PlayableAsync(result.Mp4ByResolution["720p-capped"], planned, OneFrame);
        var bits = new FileInfo(result.Mp4ByResolution["720p-capped"]).Length * 8 / planned;
        bits.ShouldBeLessThan(450_000, "the encode honours the cap (plus audio) that the source breaks");
    }

    [Fact]
    public async Task A_replay_with_hard_cuts_lasts_the_sum_of_its_segments()
    {
        using var dir = new TempDir();
        var result = await new FFmpegReplayRenderer(media.Runner).RenderAsync(new ReplayRenderRequest(
            Chunks.Of(media), Segments, [RenderResolution.P360], dir.Path, "cuts"));
        result.PlannedDuration.TotalMilliseconds.ShouldBe(Segments.Sum(s => s.DurationMs));
        await MediaAssert.PlayableAsync(result.Mp4ByResolution["360p"], result.PlannedDuration.TotalSeconds, OneFrame);
        result.MasterPlaylist.ShouldBeNull();
    }

    [Fact]
    public async Task Segments_shorter_than_two_transitions_are_rejected()
    {
        using var dir = new TempDir();
        await Should.ThrowAsync<ArgumentException>(() => new FFmpegReplayRenderer(media.Runner).RenderAsync(new ReplayRenderRequest(
            Chunks.Of(media), [new TimeRange(1000, 2500), new TimeRange(5000, 9000)], [RenderResolution.P360], dir.Path, "short", TransitionMs: 1000)));
    }

    [Fact]
    public async Task A_transition_clip_plays_whole_between_every_two_segments()
    {
        using var dir = new TempDir();
        var sting = await MakeStingAsync(dir, "sting.mp4", withAudio: true);
        var result = await new FFmpegReplayRenderer(media.Runner).RenderAsync(new ReplayRenderRequest(
            Chunks.Of(media), Segments, [RenderResolution.P360], dir.Path, "sting", Hls: true, TransitionClip: sting));

        var planned = result.PlannedDuration.TotalSeconds;
        planned.ShouldBe((Segments.Sum(s => s.DurationMs) + 2000) / 1000.0, 0.001, "three segments and two 1 s clips");
        var info = await MediaAssert.PlayableAsync(result.Mp4ByResolution["360p"], planned, OneFrame);
        info.AudioTracks[0].Duration!.Value.TotalSeconds.ShouldBe(planned, 0.1, "the clip's audio keeps audio and picture together");
        await MediaAssert.PlayableAsync(result.HlsByResolution["360p"], planned, OneFrame);

        // The clip is solid red; the frames inside each insertion window are the clip's, the ones just before are not.
        var first = Segments[0].DurationMs;
        var second = first + 1000 + Segments[1].DurationMs;
        var frames = await RednessAsync(result.Mp4ByResolution["360p"]);
        foreach (var start in new[] { first, second })
        {
            frames.Where(f => f.TimeMs >= start + 80 && f.TimeMs <= start + 920).ShouldAllBe(f => f.Red, $"the clip plays from {start} ms");
            frames.Where(f => f.TimeMs >= start - 400 && f.TimeMs <= start - 80).ShouldAllBe(f => !f.Red, $"the segment plays up to {start} ms");
        }

        frames.Count(f => f.Red).ShouldBeInRange(8, 12, "two 1 s clips sampled at 5 fps");
    }

    [Fact]
    public async Task A_transition_clip_without_audio_is_joined_with_silence()
    {
        using var dir = new TempDir();
        var sting = await MakeStingAsync(dir, "mute.mp4", withAudio: false);
        var result = await new FFmpegReplayRenderer(media.Runner).RenderAsync(new ReplayRenderRequest(
            Chunks.Of(media), Segments[..2], [RenderResolution.P360], dir.Path, "mute", TransitionClip: sting));

        var planned = result.PlannedDuration.TotalSeconds;
        planned.ShouldBe((Segments[0].DurationMs + Segments[1].DurationMs + 1000) / 1000.0, 0.001);
        var info = await MediaAssert.PlayableAsync(result.Mp4ByResolution["360p"], planned, OneFrame);
        info.AudioTracks[0].Duration!.Value.TotalSeconds.ShouldBe(planned, 0.1);
    }

    [Fact]
    public async Task A_missing_transition_clip_or_one_with_a_fade_is_refused_before_any_work()
    {
        using var dir = new TempDir();
        var renderer = new FFmpegReplayRenderer(media.Runner);
        var missing = await Should.ThrowAsync<FileNotFoundException>(() => renderer.RenderAsync(new ReplayRenderRequest(
            Chunks.Of(media), Segments, [RenderResolution.P360], dir.Path, "missing", TransitionClip: dir.File("nope.mp4"))));
        missing.Message.ShouldContain("nope.mp4");
        var both = await Should.ThrowAsync<ArgumentException>(() => renderer.RenderAsync(new ReplayRenderRequest(
            Chunks.Of(media), Segments, [RenderResolution.P360], dir.Path, "both", TransitionMs: 500, TransitionClip: dir.File("nope.mp4"))));
        both.Message.ShouldContain("not both");
        Directory.GetFiles(dir.Path, "*.mp4", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public void Resolutions_follow_mres_table_and_parse_by_name_or_folder()
    {
        RenderResolution.All.Count.ShouldBe(9);
        RenderResolution.Parse("16:9").ShouldBe(RenderResolution.Wide16x9);
        RenderResolution.Parse("169").Width.ShouldBe(1920);
        RenderResolution.Parse("9:16").ShouldBe(new RenderResolution("9:16", 608, 1080, 6_000, 5_300_000));
        Should.Throw<ArgumentException>(() => RenderResolution.Parse("8K"));
    }

    private async Task<string> MakeStingAsync(TempDir dir, string name, bool withAudio)
    {
        var path = dir.File(name);
        List<string> args = ["-v", "error", "-y", "-f", "lavfi", "-i", "color=c=red:s=640x360:r=25:d=1"];
        if (withAudio)
        {
            args.AddRange(["-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=44100:duration=1"]);
        }

        args.AddRange(["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", path]);
        await media.Runner.RunFFmpegAsync(args);
        return path;
    }

    private static async Task<List<(long TimeMs, bool Red)>> RednessAsync(string path)
    {
        var frames = new List<(long, bool)>();
        await foreach (var frame in new FrameSampler().SampleAsync(path, 0, new Rational(5, 1), 16, FramePixelFormat.Rgb24))
        {
            var pixels = frame.Pixels.Span;
            double r = 0, g = 0, b = 0;
            for (var i = 0; i < pixels.Length; i += 3)
            {
                r += pixels[i];
                g += pixels[i + 1];
                b += pixels[i + 2];
            }

            var count = pixels.Length / 3.0;
            frames.Add((frame.TimeMs, r / count > 180 && g / count < 60 && b / count < 60));
        }

        return frames;
    }
}
