using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.EndToEnd.Support;
using ReplayWorkflows.Plugins;

namespace ReplayWorkflows.EndToEnd;

/// <summary>A plugin that never returns must cost its chunk that plugin's output, not the worker or the event.</summary>
public sealed class HungPluginTests
{
    [Fact]
    public async Task A_featurer_that_hangs_on_one_chunk_is_abandoned_reported_and_the_event_completes()
    {
        var match = await Matches.EnsureAsync(60);
        using var release = new ManualResetEventSlim();
        await using var harness = await PipelineHarness.StartAsync(configure: o => o.PluginTimeLimit = TimeSpan.FromSeconds(2));
        harness.StartWorkers(plugins: new BuiltInPluginHost([new HangingFeaturer(release, hangOnChunk: 2)]));
        try
        {
            var summary = await harness.RunEventAsync(PipelineHarness.Event("hung", $"hls:{match.PlaylistPath}", vod: true), TimeSpan.FromMinutes(3));

            summary.Progress.ChunksProcessed.ShouldBe(match.ChunkPaths.Count);
            var hung = summary.Progress.Failures.ShouldHaveSingleItem();
            hung.Chunk.ShouldBe(2);
            hung.Plugin.ShouldBe(BuiltInPlugins.BlackFrames);
            hung.Message.ShouldContain("did not finish on chunk 2 within 2 s and was abandoned");

            // Only the optimizer reads BlackFrames: every burst is still found and clipped.
            var segments = await harness.Data.Segments.QueryAsync(new SegmentQuery("hung") { Closed = true });
            segments.Count.ShouldBe(match.Truth.Bursts.Count);
            (await harness.Data.Clips.ListAsync("hung")).Count.ShouldBe(segments.Count * 2);

            // Abandoned means one attempt: the failure is not retried into more hung threads.
            var history = await harness.Client.GetWorkflowHandle("chunk-hung-2").FetchHistoryAsync();
            history.Events.Where(e => e.ActivityTaskFailedEventAttributes is { } f && f.Failure.ApplicationFailureInfo?.Type == "PluginHung")
                .ShouldHaveSingleItem();
        }
        finally
        {
            release.Set();
        }
    }

    /// <summary>BlackFrames that blocks forever on one chunk (until the test ends), as a deadlocked plugin would.</summary>
    private sealed class HangingFeaturer(ManualResetEventSlim release, int hangOnChunk) : IFeaturer
    {
        private readonly IFeaturer real = new BuiltInPluginHost().GetFeaturer(BuiltInPlugins.BlackFrames);

        public PluginDescriptor Descriptor => real.Descriptor;

        public FeaturerResult Analyse(FeaturerInput input)
        {
            if (input.Chunk.ChunkNumber == hangOnChunk)
            {
                release.Wait();
            }

            return real.Analyse(input);
        }
    }
}
