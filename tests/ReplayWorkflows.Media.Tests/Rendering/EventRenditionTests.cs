using ReplayWorkflows.Media.Clips;
using ReplayWorkflows.Media.Rendering;
using ReplayWorkflows.Media.Tests.Support;

namespace ReplayWorkflows.Media.Tests.Rendering;

[Collection(MediaCollection.Name)]
public sealed class EventRenditionTests(MediaFixture media)
{
    [Fact]
    public async Task A_live_event_playlist_over_received_chunks_is_valid_hls_without_endlist()
    {
        using var dir = new TempDir();
        var playlist = dir.File("event.m3u8");
        await EventRendition.WriteAsync(Chunks.Of(media).Take(3).ToList(), playlist, ended: false);
        await HlsValidator.ValidAsync(playlist);
        var text = await File.ReadAllTextAsync(playlist);
        text.ShouldContain("#EXT-X-PLAYLIST-TYPE:EVENT");
        text.ShouldContain("#EXT-X-MEDIA-SEQUENCE:1");
        text.ShouldNotContain("#EXT-X-ENDLIST");
        text.ShouldContain(Path.GetRelativePath(dir.Path, media.Match.ChunkPaths[0]));
    }

    [Fact]
    public async Task The_finished_event_plays_end_to_end_as_vod()
    {
        using var dir = new TempDir();
        var playlist = dir.File("vod.m3u8");
        await EventRendition.WriteAsync(Chunks.Of(media), playlist, ended: true, vod: true);
        await HlsValidator.ValidAsync(playlist);
        (await File.ReadAllTextAsync(playlist)).ShouldContain("#EXT-X-ENDLIST");
        await MediaAssert.PlayableAsync(playlist, media.Match.Truth.DurationMs / 1000.0, 0.04);
    }

    [Fact]
    public async Task A_missing_chunk_is_marked_as_a_discontinuity()
    {
        using var dir = new TempDir();
        var playlist = dir.File("gap.m3u8");
        List<MediaChunk> chunks = [.. Chunks.Of(media).Where(c => c.Number != 3)];
        await EventRendition.WriteAsync(chunks, playlist, ended: true);
        await HlsValidator.ValidAsync(playlist);
        var lines = await File.ReadAllLinesAsync(playlist);
        var at = Array.IndexOf(lines, "#EXT-X-DISCONTINUITY");
        at.ShouldBeGreaterThan(0);
        lines[at + 2].ShouldEndWith("match_4.ts");
        lines.Count(l => l == "#EXT-X-DISCONTINUITY").ShouldBe(1);
    }
}
