using ReplayWorkflows.Data.Records;
using ReplayWorkflows.EndToEnd.Support;
using ReplayWorkflows.Testing;
using ReplayWorkflows.Workflows.Contracts;

namespace ReplayWorkflows.EndToEnd;

/// <summary>Processes die mid-event (SIGKILL): the event still completes, with no duplicate or missing segment or clip.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task A_worker_killed_mid_event_is_replaced_and_the_event_completes_with_every_segment_and_clip_once()
    {
        var match = await Matches.EnsureAsync(120);
        await using var harness = await PipelineHarness.StartAsync();
        var first = await harness.StartWorkerProcessAsync("worker-1");
        var handle = await harness.Pipeline.StartEventAsync(PipelineHarness.Event("killed", $"hls:{match.PlaylistPath}", vod: true));

        await Eventually.ReturnsAsync(() => harness.Pipeline.ProgressAsync("killed"), p => p.ChunksProcessed >= 3, TimeSpan.FromMinutes(3), "three chunks processed");
        first.KillHard();
        using var second = await harness.StartWorkerProcessAsync("worker-2");
        var summary = await handle.GetResultAsync().WaitAsync(TimeSpan.FromMinutes(5));

        await AssertCompleteAsync(harness, "killed", match, summary);
        first.Dispose();
    }

    [Fact]
    public async Task The_server_killed_mid_event_and_restarted_on_its_file_lets_the_event_complete()
    {
        var match = await Matches.EnsureAsync(120);
        await using var harness = await PipelineHarness.StartAsync(serverProcess: true);
        harness.StartWorkers();
        var handle = await harness.Pipeline.StartEventAsync(PipelineHarness.Event("restarted", $"hls:{match.PlaylistPath}", vod: true));

        await Eventually.ReturnsAsync(() => harness.Pipeline.ProgressAsync("restarted"), p => p.ChunksProcessed >= 3, TimeSpan.FromMinutes(3), "three chunks processed");
        await harness.RestartServerHardAsync(TimeSpan.FromSeconds(2));
        var summary = await handle.GetResultAsync().WaitAsync(TimeSpan.FromMinutes(5));

        await AssertCompleteAsync(harness, "restarted", match, summary);
    }

    private static async Task AssertCompleteAsync(PipelineHarness harness, string eventId, Media.Generation.GeneratedMatch match, EventSummary summary)
    {
        summary.Progress.ChunksProcessed.ShouldBe(match.ChunkPaths.Count);
        summary.Progress.ChunksFailed.ShouldBe(0);
        summary.Progress.Failures.ShouldBeEmpty();
        var segments = await harness.Data.Segments.QueryAsync(new SegmentQuery(eventId) { Closed = true });
        segments.Count.ShouldBe(match.Truth.Bursts.Count);
        foreach (var burst in match.Truth.Bursts)
        {
            segments.Count(s => s.StartMs < burst.EndMs && burst.StartMs < s.EndMs).ShouldBe(1, $"burst {burst}");
        }

        (await harness.Data.Segments.QueryAsync(new SegmentQuery(eventId) { Closed = false })).ShouldBeEmpty();
        var clips = await harness.Data.Clips.ListAsync(eventId);
        clips.Count.ShouldBe(segments.Count * 2);
        var files = Directory.GetFiles(Path.Combine(harness.Options.StorageRoot, "events", eventId, "clips"), "*.mp4");
        files.Length.ShouldBe(clips.Count, string.Join(", ", files));
        summary.Exports.ShouldNotBeEmpty();
        await harness.AssertEveryHistoryReplaysAsync();
    }
}
