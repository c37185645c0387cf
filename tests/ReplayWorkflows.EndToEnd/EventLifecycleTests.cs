using ReplayWorkflows.Data.Records;
using ReplayWorkflows.EndToEnd.Support;
using ReplayWorkflows.Testing;
using ReplayWorkflows.Workflows.Contracts;

namespace ReplayWorkflows.EndToEnd;

/// <summary>How an event workflow runs over time: continue-as-new, gaps, and being stopped.</summary>
public sealed class EventLifecycleTests
{
    [Fact]
    public async Task An_event_that_continues_as_new_every_two_chunks_carries_its_segments_across_runs()
    {
        var match = await Matches.EnsureAsync(60);
        await using var harness = await PipelineHarness.StartAsync();
        harness.StartWorkers();
        var input = PipelineHarness.Event("carried", $"hls:{match.PlaylistPath}", vod: true, new EventSettings(LookAhead: 1, ContinueAsNewEvery: 2));

        var summary = await harness.RunEventAsync(input, TimeSpan.FromMinutes(4));

        summary.Progress.ChunksProcessed.ShouldBe(match.ChunkPaths.Count);
        summary.Progress.ChunksReceived.ShouldBe(match.ChunkPaths.Count);
        var runs = await harness.Client.CountWorkflowsAsync("WorkflowId = 'event-carried'");
        runs.Count.ShouldBeGreaterThanOrEqualTo(3, $"runs {runs.Count}; first run: {(await harness.Client.GetWorkflowHandle("event-carried").DescribeAsync()).RawDescription.WorkflowExecutionInfo.FirstRunId}");
        var segments = await harness.Data.Segments.QueryAsync(new SegmentQuery("carried") { Closed = true });
        segments.Count.ShouldBe(match.Truth.Bursts.Count);
        foreach (var burst in match.Truth.Bursts)
        {
            segments.Count(s => s.StartMs < burst.EndMs && burst.StartMs < s.EndMs).ShouldBe(1, $"burst {burst}");
        }

        (await harness.Data.Clips.ListAsync("carried")).Count.ShouldBe(segments.Count * 2);
        await harness.AssertEveryHistoryReplaysAsync();
    }

    [Fact]
    public async Task A_chunk_that_never_arrives_is_recorded_as_a_gap_and_a_stopped_event_completes()
    {
        var match = await Matches.EnsureAsync(60);
        await using var harness = await PipelineHarness.StartAsync();
        harness.StartWorkers();
        var input = PipelineHarness.Event("gappy", source: null, vod: false, new EventSettings(GapTimeoutMs: 2_000));
        var handle = await harness.Pipeline.StartEventAsync(input);

        // A client announces chunks by signal (as an S3 notification bridge would); chunk 3 never comes.
        long start = 0;
        foreach (var (path, number) in match.ChunkPaths.Select((p, i) => (p, i + 1)).Take(5))
        {
            if (number != 3)
            {
                await handle.SignalAsync(w => w.ChunkArrivedAsync(new ChunkRef(number, path, start, 10_000)));
            }

            start += 10_000;
        }

        await Eventually.ReturnsAsync(() => harness.Pipeline.ProgressAsync("gappy"), p => p.ChunksProcessed == 4, TimeSpan.FromMinutes(2), "chunks 1, 2, 4 and 5 processed");
        await handle.SignalAsync(w => w.StopAsync());
        var summary = await handle.GetResultAsync().WaitAsync(TimeSpan.FromMinutes(2));

        summary.Progress.Gaps.ShouldBe([3]);
        summary.Progress.ChunksProcessed.ShouldBe(4);
        summary.Progress.Phase.ShouldBe("complete");
        summary.Canceled.ShouldBeFalse();
        (await harness.Data.Events.GetAsync("gappy"))!.Status.ShouldBe(EventStatus.Complete);
        await harness.AssertEveryHistoryReplaysAsync();
    }
}
