using ReplayWorkflows.Media.FFmpeg;
using ReplayWorkflows.Media.Tests.Support;

namespace ReplayWorkflows.Media.Tests.FFmpeg;

[Collection(MediaCollection.Name)]
public sealed class MediaProberTests(MediaFixture media)
{
    [Fact]
    public async Task Probe_reports_codecs_rational_frame_rate_duration_and_audio_tracks()
    {
        var info = await media.Prober.ProbeAsync(media.Match.Mp4Path);
        info.Video.ShouldNotBeNull();
        info.Video.CodecName.ShouldBe("h264");
        info.Video.Width.ShouldBe(1280);
        info.Video.Height.ShouldBe(720);
        info.Video.FrameRate.ShouldBe(new Rational(25, 1));
        info.AudioTracks.Count.ShouldBe(1);
        info.AudioTracks[0].CodecName.ShouldBe("aac");
        info.AudioTracks[0].SampleRate.ShouldBe(48000);
        info.AudioTracks[0].Channels.ShouldBe(2);
        info.Duration.TotalSeconds.ShouldBe(MediaFixture.Spec.DurationSeconds, 0.1);
        info.FirstKeyFramePts.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task A_later_chunk_has_its_first_key_frame_at_its_place_in_the_stream()
    {
        // MPEG-TS keeps the source's continuous timestamps (plus the muxer's 1.4 s offset), so chunk 3 starts two chunk lengths in.
        var first = await media.Prober.ProbeAsync(media.Match.ChunkPaths[0]);
        var third = await media.Prober.ProbeAsync(media.Match.ChunkPaths[2]);
        third.FirstKeyFramePts.ShouldNotBeNull();
        (third.Origin - first.Origin).TotalSeconds.ShouldBe(2.0 * MediaFixture.Spec.ChunkSeconds, 0.001);
        third.FormatName.ShouldBe("mpegts");
    }

    [Fact]
    public async Task The_index_has_every_key_frame_of_the_two_second_gop_and_the_b_frame_delay()
    {
        var index = await media.Prober.IndexAsync(media.Match.Mp4Path);
        index.ReorderDelay.ShouldBeGreaterThan(TimeSpan.Zero, "x264 veryfast writes B-frames");
        var keys = index.KeyFrames;
        keys.Count.ShouldBe(MediaFixture.Spec.DurationSeconds / 2);
        keys.Select(k => Math.Round(k.TotalSeconds, 3)).ShouldBe(Enumerable.Range(0, keys.Count).Select(i => i * 2.0));
    }

    [Fact]
    public async Task Probing_a_missing_file_is_a_missing_input_error()
    {
        var ex = await Should.ThrowAsync<FFmpegException>(() => media.Prober.ProbeAsync("/nonexistent/x_1.ts"));
        ex.Kind.ShouldBe(FFmpegErrorKind.MissingInput);
    }
}
