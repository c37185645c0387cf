using ReplayWorkflows.Testing;
using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Media.Analysis;
using ReplayWorkflows.Media.Clips;
using ReplayWorkflows.Media.Tests.Support;
using Xunit.Abstractions;

namespace ReplayWorkflows.Media.Tests.Clips;

[Collection(MediaCollection.Name)]
public sealed class ClipMakerTests(MediaFixture media, ITestOutputHelper output)
{
    private const double OneFrame = 0.04;

    /// <summary>An in point 300 ms after a key frame, a chunk boundary inside, and a cut inside to check exactness.</summary>
    private TimeRange CrossBoundaryRange()
    {
        var cut = media.Match.Truth.Cuts.First(c => c > 10_600 && c % 2000 != 0);
        var start = Math.Min(cut - 600, 9_300);
        return new TimeRange(start - (start % 40), cut + 3_000);
    }

    [Fact]
    public async Task A_fast_clip_copies_from_the_key_frame_before_the_in_point_across_chunks()
    {
        using var dir = new TempDir();
        var range = CrossBoundaryRange();
        var clip = await new ClipMaker(media.Runner).CreateAsync(new ClipRequest(Chunks.Of(media), range, ClipMode.Fast, dir.Path, "fast", Hls: true));
        output.WriteLine($"asked {range}, covered {clip.Covered}");

        clip.Covered.StartMs.ShouldBe(range.StartMs - (range.StartMs % 2000), "starts at the 2 s GOP's key frame");
        clip.Covered.EndMs.ShouldBe(range.EndMs);
        await MediaAssert.PlayableAsync(clip.Mp4Path!, clip.Covered.DurationMs / 1000.0, OneFrame);
        await MediaAssert.PlayableAsync(clip.HlsPlaylistPath!, clip.Covered.DurationMs / 1000.0, OneFrame);
        await HlsValidator.ValidAsync(clip.HlsPlaylistPath!);
        var thumb = await media.Prober.ProbeAsync(clip.ThumbnailPath!);
        thumb.Video!.Width.ShouldBe(640);
    }

    [Fact]
    public async Task An_accurate_clip_is_frame_exact_and_reencodes_only_the_head_gop()
    {
        using var dir = new TempDir();
        var range = CrossBoundaryRange();
        var clip = await new ClipMaker(media.Runner).CreateAsync(new ClipRequest(Chunks.Of(media), range, ClipMode.Accurate, dir.Path, "exact", Hls: true, Thumbnail: false));

        clip.Covered.ShouldBe(range);
        clip.HeadOnlyReencode.ShouldBeTrue();
        await MediaAssert.PlayableAsync(clip.Mp4Path!, range.DurationMs / 1000.0, OneFrame);
        await MediaAssert.PlayableAsync(clip.HlsPlaylistPath!, range.DurationMs / 1000.0, OneFrame);
        await HlsValidator.ValidAsync(clip.HlsPlaylistPath!);

        // Frame-exact: every source cut inside the range shows up in the clip shifted by exactly the in point.
        var expected = media.Match.Truth.Cuts.Where(range.Contains).Select(c => c - range.StartMs).ToList();
        var found = (await new MediaAnalyzer(media.Runner).AnalyzeAsync(
            new ChunkAnalysisRequest(clip.Mp4Path!, 0, 0, new HashSet<MediaFeature> { MediaFeature.SceneChange }))).Video!.SceneChanges.Select(s => s.TimeMs).ToList();
        output.WriteLine($"cuts in clip: expected {string.Join(",", expected)} found {string.Join(",", found)}");
        expected.ShouldNotBeEmpty();
        Score.Points(expected, found, 40).Recall.ShouldBe(1.0);
    }

    [Fact]
    public async Task An_accurate_clip_that_starts_on_a_key_frame_is_a_pure_copy()
    {
        using var dir = new TempDir();
        var range = new TimeRange(12_000, 17_480);
        var clip = await new ClipMaker(media.Runner).CreateAsync(new ClipRequest(Chunks.Of(media), range, ClipMode.Accurate, dir.Path, "onkey", Thumbnail: false));
        clip.Covered.ShouldBe(range);
        await MediaAssert.PlayableAsync(clip.Mp4Path!, range.DurationMs / 1000.0, OneFrame);
    }

    [Fact]
    public async Task A_range_outside_the_received_chunks_is_rejected()
    {
        using var dir = new TempDir();
        await Should.ThrowAsync<ArgumentException>(() => new ClipMaker(media.Runner).CreateAsync(
            new ClipRequest(Chunks.Of(media), new TimeRange(900_000, 905_000), ClipMode.Fast, dir.Path, "none")));
    }
}
