using ReplayWorkflows.Media.Sources;
using ReplayWorkflows.Media.Tests.Support;

namespace ReplayWorkflows.Media.Tests.Sources;

[Collection(MediaCollection.Name)]
public sealed class HlsPlaylistParserTests(MediaFixture media)
{
    [Fact]
    public async Task The_generated_vod_playlist_lists_every_chunk_with_sequence_numbers_from_one()
    {
        var playlist = HlsPlaylistParser.Parse(await File.ReadAllTextAsync(media.Match.PlaylistPath));
        playlist.Type.ShouldBe(HlsPlaylistType.Vod);
        playlist.EndList.ShouldBeTrue();
        playlist.MediaSequence.ShouldBe(1);
        playlist.TargetDurationSeconds.ShouldBe(MediaFixture.Spec.ChunkSeconds);
        playlist.Segments.Select(s => s.SequenceNumber).ShouldBe(Enumerable.Range(1, media.Match.ChunkPaths.Count).Select(i => (long)i));
        playlist.Segments.Select(s => s.Uri).ShouldBe(media.Match.ChunkPaths.Select(Path.GetFileName));
        playlist.Segments.ShouldAllBe(s => s.Duration == TimeSpan.FromSeconds(MediaFixture.Spec.ChunkSeconds));
        playlist.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void A_sliding_live_window_numbers_segments_from_its_media_sequence_and_flags_discontinuities()
    {
        var playlist = HlsPlaylistParser.Parse("""
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-TARGETDURATION:6
            #EXT-X-MEDIA-SEQUENCE:1041
            #EXT-X-DISCONTINUITY-SEQUENCE:2
            #EXT-X-PROGRAM-DATE-TIME:2026-11-22T19:00:00.000Z
            #EXTINF:6.000,
            live_1041.ts
            #EXTINF:6.000,
            live_1042.ts
            #EXT-X-DISCONTINUITY
            #EXT-X-PROGRAM-DATE-TIME:2026-11-22T19:00:30.500+00:00
            #EXTINF:5.960,
            live_1043.ts
            """);
        playlist.Type.ShouldBe(HlsPlaylistType.Live);
        playlist.EndList.ShouldBeFalse();
        playlist.DiscontinuitySequence.ShouldBe(2);
        playlist.Segments.Select(s => s.SequenceNumber).ShouldBe([1041L, 1042, 1043]);
        playlist.Segments.Select(s => s.Discontinuity).ShouldBe([false, false, true]);
        playlist.Segments[0].ProgramDateTime.ShouldBe(new DateTimeOffset(2026, 11, 22, 19, 0, 0, TimeSpan.Zero));
        playlist.Segments[1].ProgramDateTime.ShouldBeNull();
        playlist.Segments[2].ProgramDateTime.ShouldBe(new DateTimeOffset(2026, 11, 22, 19, 0, 30, 500, TimeSpan.Zero));
        playlist.Segments[2].Duration.ShouldBe(TimeSpan.FromSeconds(5.96));
    }

    [Fact]
    public void An_unreadable_line_is_reported_with_its_line_number_and_parsing_goes_on()
    {
        var playlist = HlsPlaylistParser.Parse("#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXT-X-PLAYLIST-TYPE:EVENT\n#EXTINF:6.0,\na_1.ts\n#EXTINF:six,\na_2.ts\n#EXT-X-MEDIA-SEQUENCE:x\n#EXTINF:6.0,\na_3.ts\n");
        playlist.Type.ShouldBe(HlsPlaylistType.Event);
        playlist.Segments.Count.ShouldBe(3);
        playlist.Segments[1].Duration.ShouldBeNull();
        playlist.Problems.Select(p => p.LineNumber).ShouldBe([6, 8]);
        playlist.Problems[0].Message.ShouldContain("EXTINF");
    }

    [Fact]
    public void Text_that_is_not_a_playlist_is_rejected_at_line_1()
    {
        var ex = Should.Throw<HlsPlaylistException>(() => HlsPlaylistParser.Parse("<html>not found</html>"));
        ex.LineNumber.ShouldBe(1);
    }

    [Fact]
    public void A_master_playlist_is_rejected_where_a_media_playlist_is_needed()
    {
        var ex = Should.Throw<HlsPlaylistException>(() => HlsPlaylistParser.Parse("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1000\nlow.m3u8\n"));
        ex.LineNumber.ShouldBe(2);
    }
}
