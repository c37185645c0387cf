using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Media.Analysis;
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
    public void Resolutions_follow_mres_table_and_parse_by_name_or_folder()
    {
        RenderResolution.All.Count.ShouldBe(9);
        RenderResolution.Parse("16:9").ShouldBe(RenderResolution.Wide16x9);
        RenderResolution.Parse("169").Width.ShouldBe(1920);
        RenderResolution.Parse("9:16").ShouldBe(new RenderResolution("9:16", 608, 1080, 6_000, 5_300_000));
        Should.Throw<ArgumentException>(() => RenderResolution.Parse("8K"));
    }
}
