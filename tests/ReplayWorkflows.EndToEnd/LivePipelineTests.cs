using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.EndToEnd.Support;
using ReplayWorkflows.Plugins;
using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Api.History.V1;

namespace ReplayWorkflows.EndToEnd;

/// <summary>Live events: chunks appear over time; faults along the way must not stop the event.</summary>
public sealed class LivePipelineTests
{
    [Fact]
    public async Task A_live_folder_event_updates_its_catch_up_replay_skips_a_corrupt_chunk_and_shares_work_between_two_workers()
    {
        var match = await Matches.EnsureAsync(60);
        await using var harness = await PipelineHarness.StartAsync();
        harness.StartWorkers("worker-a");
        harness.StartWorkers("worker-b");
        var folder = Directory.CreateDirectory(Path.Combine(harness.Root, "live")).FullName;
        var replay = PipelineHarness.Highlights("live-highlights", 30_000, catchUp: true);
        var handle = await harness.Pipeline.StartEventAsync(PipelineHarness.Event("live", $"folder:{folder}", vod: false), [("live-highlights", replay)]);

        // A live encoder writes a chunk every few seconds; chunk 4 arrives corrupt (truncated garbage).
        for (var i = 0; i < match.ChunkPaths.Count; i++)
        {
            var target = Path.Combine(folder, Path.GetFileName(match.ChunkPaths[i]));
            if (i == 3)
            {
                await File.WriteAllBytesAsync(target + ".part", [.. Enumerable.Range(0, 50_000).Select(b => (byte)(b * 7))]);
            }
            else
            {
                File.Copy(match.ChunkPaths[i], target + ".part");
            }

            File.Move(target + ".part", target);
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        var midway = await harness.Pipeline.ProgressAsync("live");
        midway.ChunksReceived.ShouldBe(match.ChunkPaths.Count);
        await File.WriteAllTextAsync(Path.Combine(folder, harness.Options.EndMarker), "");
        var summary = await handle.GetResultAsync().WaitAsync(TimeSpan.FromMinutes(4));

        summary.Progress.ChunksFailed.ShouldBe(1);
        summary.Progress.ChunksProcessed.ShouldBe(match.ChunkPaths.Count - 1);
        var corrupt = summary.Progress.Failures.ShouldHaveSingleItem();
        corrupt.Chunk.ShouldBe(4);
        corrupt.Plugin.ShouldBeNull();
        corrupt.Message.ShouldContain("cannot be read");

        // Bursts outside the corrupt chunk's 30-40 s are found.
        var segments = await harness.Data.Segments.QueryAsync(new SegmentQuery("live") { Closed = true });
        foreach (var burst in match.Truth.Bursts.Where(b => b.EndMs <= 30_000 || b.StartMs >= 40_000))
        {
            segments.ShouldContain(s => s.StartMs < burst.EndMs && burst.StartMs < s.EndMs, $"burst {burst}");
        }

        // The catch-up replay was selected again as segments closed, and rendered at the end.
        var result = await harness.Data.Replays.GetResultAsync("live-highlights");
        result.ShouldNotBeNull();
        result.Revision.ShouldBeGreaterThanOrEqualTo(2);
        summary.Replays.ShouldHaveSingleItem().Files.ShouldNotBeEmpty();
        (await harness.Data.Replays.GetAsync("live-highlights"))!.Status.ShouldBe(ReplayStatus.Complete);

        // Both workers did plugin work.
        var identities = new HashSet<string>(StringComparer.Ordinal);
        for (var chunk = 1; chunk <= match.ChunkPaths.Count; chunk++)
        {
            var history = await harness.Client.GetWorkflowHandle($"chunk-live-{chunk}").FetchHistoryAsync();
            foreach (var e in history.Events.Where(e => e.ActivityTaskStartedEventAttributes is not null))
            {
                identities.Add(e.ActivityTaskStartedEventAttributes.Identity);
            }
        }

        identities.ShouldBe(["worker-a", "worker-b"], ignoreOrder: true);
        await harness.AssertEveryHistoryReplaysAsync();
    }

    [Fact]
    public async Task A_growing_hls_playlist_event_completes_and_a_plugin_that_always_throws_is_reported_per_chunk()
    {
        var match = await Matches.EnsureAsync(60);
        await using var harness = await PipelineHarness.StartAsync();
        harness.StartWorkers(plugins: new BuiltInPluginHost([new ThrowingFeaturer()]));
        var playlist = Path.Combine(harness.Root, "live.m3u8");
        var lines = new List<string> { "#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:10", "#EXT-X-PLAYLIST-TYPE:EVENT", "#EXT-X-MEDIA-SEQUENCE:1" };
        await WriteAsync(playlist, lines);
        var handle = await harness.Pipeline.StartEventAsync(PipelineHarness.Event("hls", $"hls:{playlist}", vod: false));

        foreach (var chunk in match.ChunkPaths)
        {
            lines.Add("#EXTINF:10.000000,");
            lines.Add(chunk);
            await WriteAsync(playlist, lines);
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        lines.Add("#EXT-X-ENDLIST");
        await WriteAsync(playlist, lines);
        var summary = await handle.GetResultAsync().WaitAsync(TimeSpan.FromMinutes(4));

        summary.Progress.ChunksProcessed.ShouldBe(match.ChunkPaths.Count);
        var failures = summary.Progress.Failures;
        failures.Count.ShouldBe(match.ChunkPaths.Count);
        failures.ShouldAllBe(f => f.Plugin == BuiltInPlugins.BlackFrames && f.Message.Contains("the detector broke", StringComparison.Ordinal));
        // BlackFrames only helps the optimizer place cuts: every burst is still found and clipped.
        var segments = await harness.Data.Segments.QueryAsync(new SegmentQuery("hls") { Closed = true });
        segments.Count.ShouldBe(match.Truth.Bursts.Count);
        (await harness.Data.Clips.ListAsync("hls")).Count.ShouldBe(segments.Count * 2);
        await harness.AssertEveryHistoryReplaysAsync();
    }

    private static async Task WriteAsync(string path, IEnumerable<string> lines)
    {
        await File.WriteAllLinesAsync(path + ".tmp", lines);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>A BlackFrames featurer whose every run throws, as a broken plugin release would.</summary>
    private sealed class ThrowingFeaturer : IFeaturer
    {
        public PluginDescriptor Descriptor { get; } = BuiltInPlugins.Descriptors.Single(d => d.Name == BuiltInPlugins.BlackFrames);

        public FeaturerResult Analyse(FeaturerInput input) => throw new InvalidOperationException("the detector broke");
    }
}
