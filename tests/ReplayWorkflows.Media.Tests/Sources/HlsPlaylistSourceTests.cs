using System.Globalization;
using System.Text;
using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Media.Analysis;
using ReplayWorkflows.Media.Sources;
using ReplayWorkflows.Media.Tests.Support;

namespace ReplayWorkflows.Media.Tests.Sources;

[Collection(MediaCollection.Name)]
public sealed class HlsPlaylistSourceTests(MediaFixture media)
{
    private static HlsPlaylistSource FileSource(string path) =>
        new(new HlsSourceOptions { Playlist = path, PollInterval = TimeSpan.FromMilliseconds(20) });

    /// <summary>Writes a playlist the way live packagers do: a temporary file renamed over the old one.</summary>
    private static async Task WritePlaylistAsync(string path, long firstSequence, IEnumerable<long> numbers, string type = "EVENT", bool end = false, int discontinuityBefore = -1)
    {
        var text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n");
        if (type.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"#EXT-X-PLAYLIST-TYPE:{type}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"#EXT-X-MEDIA-SEQUENCE:{firstSequence}\n");
        foreach (var n in numbers)
        {
            if (n == discontinuityBefore)
            {
                text.Append("#EXT-X-DISCONTINUITY\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"#EXTINF:10.000000,\nmatch_{n}.ts\n");
        }

        if (end)
        {
            text.Append("#EXT-X-ENDLIST\n");
        }

        await File.WriteAllTextAsync(path + ".tmp", text.ToString());
        File.Move(path + ".tmp", path, overwrite: true);
    }

    [Fact]
    public async Task A_growing_event_playlist_reports_each_chunk_once_in_order_until_endlist()
    {
        using var dir = new TempDir();
        var playlist = dir.File("event.m3u8");
        await WritePlaylistAsync(playlist, 1, [1, 2]);
        await using var collector = new EventCollector(FileSource(playlist));
        await collector.WaitForChunksAsync(2);

        await WritePlaylistAsync(playlist, 1, [1, 2, 3]);
        await collector.WaitForChunksAsync(3);
        await WritePlaylistAsync(playlist, 1, [1, 2, 3, 4, 5], end: true);
        await collector.WaitForEndAsync();

        collector.Found.Select(f => f.Number).ShouldBe([1L, 2, 3, 4, 5]);
        collector.Found[0].Location.ShouldBe(dir.File("match_1.ts"));
        collector.Found[0].Duration.ShouldBe(TimeSpan.FromSeconds(10));
        collector.Events.OfType<ChunkGap>().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_sliding_window_that_moved_past_unseen_segments_reports_the_gap()
    {
        using var dir = new TempDir();
        var playlist = dir.File("live.m3u8");
        await WritePlaylistAsync(playlist, 10, [10, 11, 12], type: string.Empty);
        await using var collector = new EventCollector(FileSource(playlist));
        await collector.WaitForChunksAsync(3);

        // The window slides by five while we were away: 13 and 14 are gone for good; 15 follows a discontinuity.
        await WritePlaylistAsync(playlist, 15, [15, 16, 17], type: string.Empty, discontinuityBefore: 15);
        await collector.WaitForChunksAsync(6);

        collector.Found.Select(f => f.Number).ShouldBe([10L, 11, 12, 15, 16, 17]);
        collector.Events.OfType<ChunkGap>().ShouldHaveSingleItem().ShouldBe(new ChunkGap(13, 14));
        collector.Found.Single(f => f.Number == 15).Discontinuity.ShouldBeTrue();
    }

    [Fact]
    public async Task A_restarted_watch_resumes_after_the_last_chunk_without_repeats_or_a_false_gap()
    {
        using var dir = new TempDir();
        var playlist = dir.File("vod.m3u8");
        await WritePlaylistAsync(playlist, 1, [1, 2, 3, 4, 5], type: "VOD", end: true);
        await using var collector = new EventCollector(FileSource(playlist), afterNumber: 3);
        await collector.WaitForEndAsync();
        collector.Found.Select(f => f.Number).ShouldBe([4L, 5]);
        collector.Events.OfType<ChunkGap>().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unreadable_playlist_line_is_reported_once_with_its_line_number()
    {
        using var dir = new TempDir();
        var playlist = dir.File("bad.m3u8");
        await File.WriteAllTextAsync(playlist, "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10.0,\nmatch_0.ts\n#EXTINF:ten,\nmatch_1.ts\n");
        await using var collector = new EventCollector(FileSource(playlist));
        await collector.WaitForChunksAsync(2);
        await File.AppendAllTextAsync(playlist, "#EXTINF:10.0,\nmatch_2.ts\n#EXT-X-ENDLIST\n");
        await collector.WaitForEndAsync();
        var problem = collector.Events.OfType<SourceProblem>().ShouldHaveSingleItem();
        problem.LineNumber.ShouldBe(5);
        problem.Message.ShouldContain("line 5");
        collector.Found.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_playlist_over_http_yields_chunk_urls_that_ffmpeg_analyses_directly()
    {
        await using var server = await FileServer.StartAsync(Path.GetDirectoryName(media.Match.PlaylistPath)!);
        using var http = new HttpClient();
        var source = new HlsPlaylistSource(new HlsSourceOptions { Playlist = $"{server.BaseUrl}/match.m3u8" }, http);
        var events = new List<ChunkSourceEvent>();
        await foreach (var e in source.WatchAsync().WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token))
        {
            events.Add(e);
        }

        var chunks = events.OfType<ChunkFound>().ToList();
        chunks.Count.ShouldBe(media.Match.ChunkPaths.Count);
        chunks[1].Location.ShouldBe($"{server.BaseUrl}/match_2.ts");
        events[^1].ShouldBeOfType<SourceEnded>();

        var analysis = await new MediaAnalyzer(media.Runner).AnalyzeAsync(new ChunkAnalysisRequest(
            chunks[1].Location, 2, 10_000, new HashSet<MediaFeature> { MediaFeature.SceneChange, MediaFeature.Silence }));
        analysis.Span.StartMs.ShouldBe(10_000);
        var expected = media.Match.Truth.Cuts.Where(c => c > 10_000 && c < 20_000).ToList();
        var found = analysis.Video!.SceneChanges.Select(s => s.TimeMs).ToList();
        found.ShouldBe(expected, $"found {string.Join(",", found)}; expected {string.Join(",", expected)}");
    }

    [Fact]
    public async Task A_playlist_that_does_not_exist_yet_is_reported_once_and_picked_up_when_it_appears()
    {
        using var dir = new TempDir();
        var playlist = dir.File("later.m3u8");
        await using var collector = new EventCollector(FileSource(playlist));
        await Testing.Eventually.TrueAsync(() => collector.Events.OfType<SourceProblem>().Any(), TimeSpan.FromSeconds(10));
        await WritePlaylistAsync(playlist, 1, [1], end: true);
        await collector.WaitForEndAsync();
        collector.Events.OfType<SourceProblem>().Count().ShouldBe(1);
        collector.Found.ShouldHaveSingleItem().Number.ShouldBe(1);
    }
}
