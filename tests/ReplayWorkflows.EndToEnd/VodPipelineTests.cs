using System.Text.Json;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.EndToEnd.Support;
using ReplayWorkflows.Media.FFmpeg;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.EndToEnd;

/// <summary>A generated 5-minute match as VOD through every stage, checked against its ground truth.</summary>
public sealed class VodPipelineTests
{
    [Fact]
    public async Task A_vod_match_yields_its_excitement_segments_clips_a_replay_within_target_and_valid_exports()
    {
        var match = await Matches.EnsureAsync(300);
        await using var harness = await PipelineHarness.StartAsync();
        harness.StartWorkers();
        const long target = 60_000;
        var replay = PipelineHarness.Highlights("vod-highlights", target, catchUp: false);

        var summary = await harness.RunEventAsync(
            PipelineHarness.Event("vod", $"hls:{match.PlaylistPath}", vod: true), TimeSpan.FromMinutes(8), ("vod-highlights", replay));

        summary.Progress.ChunksProcessed.ShouldBe(match.ChunkPaths.Count);
        summary.Progress.ChunksFailed.ShouldBe(0);
        summary.Progress.Gaps.ShouldBeEmpty();
        summary.Progress.Failures.ShouldBeEmpty();
        ((double)summary.Progress.MediaEndMs).ShouldBe(match.Truth.DurationMs, 100);

        // Each burst is found by exactly one segment, from near its start to near its end; no segment without a burst.
        var segments = await harness.Data.Segments.QueryAsync(new SegmentQuery("vod") { Closed = true });
        var bursts = match.Truth.Bursts;
        foreach (var burst in bursts)
        {
            var covering = segments.Where(s => s.StartMs < burst.EndMs && burst.StartMs < s.EndMs).ToList();
            covering.Count.ShouldBe(1, $"burst {burst}");
            covering[0].StartMs.ShouldBeLessThanOrEqualTo(burst.StartMs + 2_000, $"burst {burst}");
            covering[0].EndMs!.Value.ShouldBeGreaterThanOrEqualTo(burst.EndMs - 2_000, $"burst {burst}");
        }

        segments.Count.ShouldBe(bursts.Count);
        segments.ShouldAllBe(s => s.Label != null && s.IsOptimized);

        // Every segment has its original and optimized clip, and each clip is playable media of about the segment's length.
        var clips = await harness.Data.Clips.ListAsync("vod");
        clips.Count.ShouldBe(segments.Count * 2);
        var prober = new MediaProber();
        foreach (var clip in clips)
        {
            var info = await prober.ProbeAsync(clip.Location!);
            info.Video.ShouldNotBeNull();
            info.AudioTracks.Count.ShouldBe(1);
            // A fast (stream-copied) clip starts at the key frame at or before its in point: up to one 2 s GOP early.
            info.Duration.TotalMilliseconds.ShouldBe(clip.EndMs - clip.StartMs, clip.Variant == ClipVariant.Original ? 2_100 : 200, clip.Location);
            File.Exists(clip.ThumbnailLocation).ShouldBeTrue();
        }

        // The replay holds the best segments within target + tolerance, rendered as MP4 and HLS.
        var outcome = summary.Replays.ShouldHaveSingleItem();
        outcome.Rendered.ShouldBeTrue();
        outcome.DurationMs.ShouldBeLessThanOrEqualTo(target + replay.Request.ToleranceMs);
        outcome.Clips.ShouldBeGreaterThan(0);
        var mp4 = outcome.Files.Single(f => f.EndsWith(".mp4", StringComparison.Ordinal));
        var rendered = await prober.ProbeAsync(mp4);
        rendered.Duration.TotalMilliseconds.ShouldBeLessThanOrEqualTo(target + replay.Request.ToleranceMs + 1_000);
        rendered.Duration.TotalMilliseconds.ShouldBeGreaterThan(outcome.DurationMs - (outcome.Clips * 1_000) - 1_000);
        outcome.Files.ShouldContain(f => f.EndsWith(".m3u8", StringComparison.Ordinal));

        // Exports: the EDL lists every segment; the JSON exports validate against their published schemas.
        var exports = summary.Exports.SelectMany(e => e.Files).ToList();
        var edl = await File.ReadAllTextAsync(exports.Single(f => f.EndsWith("_track1.edl", StringComparison.Ordinal)));
        edl.ShouldStartWith("TITLE:");
        edl.Split('\n').Count(l => l.Length > 3 && char.IsDigit(l[0])).ShouldBe(segments.Count);
        AssertSchema(exports.Single(f => f.EndsWith("vod.json", StringComparison.Ordinal)), "event-export.schema.json");
        AssertSchema(exports.Single(f => f.EndsWith("vod-highlights.json", StringComparison.Ordinal)), "replay-export.schema.json");

        var stored = await harness.Data.Events.GetAsync("vod");
        stored!.Status.ShouldBe(EventStatus.Complete);
        await harness.AssertEveryHistoryReplaysAsync();
    }

    private static void AssertSchema(string file, string schemaName)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "docs", "schemas", schemaName)));
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        SchemaCheck.Errors(schema.RootElement, doc.RootElement).ShouldBeEmpty(file);
    }
}
