using ReplayWorkflows.Media.Generation;
using ReplayWorkflows.Media.Sources;
using ReplayWorkflows.Media.Tests.Support;

namespace ReplayWorkflows.Media.Tests.Generation;

[Collection(MediaCollection.Name)]
public sealed class MatchGeneratorTests(MediaFixture media)
{
    [Fact]
    public void The_same_seed_plans_the_same_match_and_another_seed_a_different_one()
    {
        var a = new MatchPlan(new MatchSpec(Seed: 3, DurationSeconds: 120)).Truth();
        var b = new MatchPlan(new MatchSpec(Seed: 3, DurationSeconds: 120)).Truth();
        var c = new MatchPlan(new MatchSpec(Seed: 4, DurationSeconds: 120)).Truth();
        b.ToJson().ShouldBe(a.ToJson());
        c.Cuts.ShouldNotBe(a.Cuts);
    }

    [Fact]
    public async Task The_same_spec_renders_the_same_pictures_and_sound_every_time()
    {
        // A spec whose first 30 s include every moving pattern, gradients among them (FFmpeg randomises those unless pinned).
        var spec = Enumerable.Range(1, 200).Select(seed => new MatchSpec(Seed: seed, DurationSeconds: 30))
            .First(s => new MatchPlan(s).Truth().Shots.Any(shot => shot.Pattern == "gradients"));
        using var dir = new TempDir();
        var graph = dir.File("graph.txt");
        await File.WriteAllTextAsync(graph, new MatchPlan(spec).FilterGraph());

        async Task<string> HashesAsync() =>
            (await media.Runner.RunFFmpegAsync(["-v", "error", "-filter_complex_script", graph, "-map", "[v]", "-map", "[a]", "-f", "framemd5", "-"])).StdOut;

        var first = await HashesAsync();
        var second = await HashesAsync();
        first.Split('\n').Length.ShouldBeGreaterThan(30 * 25);
        second.ShouldBe(first);
    }

    [Theory]
    [InlineData(MatchVariant.Hd720p25, 40)]
    [InlineData(MatchVariant.Hd1080p2997, 1001.0 / 30)]
    public void Cuts_fall_on_frame_boundaries_and_every_feature_is_present(MatchVariant variant, double frameMs)
    {
        var truth = new MatchPlan(new MatchSpec(Seed: 11, DurationSeconds: 300, Variant: variant)).Truth();
        truth.Cuts.ShouldAllBe(c => Math.Abs((c / frameMs) - Math.Round(c / frameMs)) < 0.02);
        truth.Bursts.ShouldNotBeEmpty();
        truth.Silences.ShouldNotBeEmpty();
        truth.Blacks.ShouldNotBeEmpty();
        truth.Shots[^1].Range.EndMs.ShouldBe(truth.DurationMs);
        truth.Shots.Zip(truth.Shots.Skip(1)).ShouldAllBe(p => p.First.Range.EndMs == p.Second.Range.StartMs);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(31)]
    [InlineData(7)]
    public void Chunk_lengths_outside_6_to_30_s_or_off_the_gop_grid_are_rejected(int chunkSeconds) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new MatchSpec(ChunkSeconds: chunkSeconds).Validate());

    [Fact]
    public void Ground_truth_round_trips_through_json()
    {
        var truth = new MatchPlan(MediaFixture.Spec).Truth();
        var back = GroundTruth.FromJson(truth.ToJson());
        back.Cuts.ShouldBe(truth.Cuts);
        back.Silences.ShouldBe(truth.Silences);
        back.Spec.ShouldBe(truth.Spec);
        truth.ToJson().ShouldContain("\"startMs\"");
    }

    [Fact]
    public async Task Generated_chunks_are_named_like_medialive_and_the_playlist_is_valid_hls()
    {
        var match = media.Match;
        var expectedChunks = MediaFixture.Spec.DurationSeconds / MediaFixture.Spec.ChunkSeconds;
        match.ChunkPaths.Count.ShouldBe(expectedChunks);
        match.ChunkPaths.Select(p => ChunkNaming.TryParseNumber(p)).ShouldBe(Enumerable.Range(1, expectedChunks).Select(i => (long?)i));
        File.Exists(Path.Combine(match.Directory, GroundTruth.FileName)).ShouldBeTrue();
        await HlsValidator.ValidAsync(match.PlaylistPath);
        (await File.ReadAllTextAsync(match.PlaylistPath)).ShouldContain("#EXT-X-ENDLIST");
    }

    [Fact]
    public async Task Each_chunk_lasts_the_chunk_length_and_decodes_cleanly()
    {
        await MediaAssert.PlayableAsync(media.Match.ChunkPaths[1], MediaFixture.Spec.ChunkSeconds, 0.04);
    }

    [Fact]
    public async Task The_match_mp4_lasts_the_planned_duration_and_decodes_cleanly()
    {
        await MediaAssert.PlayableAsync(media.Match.Mp4Path, media.Match.Truth.DurationMs / 1000.0, 0.04);
    }
}
