using System.Collections.Concurrent;
using System.Globalization;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.EndToEnd.Support;
using ReplayWorkflows.Plugins;
using ReplayWorkflows.Workflows.Contracts;

namespace ReplayWorkflows.EndToEnd;

/// <summary>A featurer that declares carried state sees, for each chunk, what it returned for the one before.</summary>
public sealed class CarriedStateTests
{
    [Fact]
    public async Task A_featurer_carrying_state_runs_in_chunk_order_with_its_previous_state_across_continue_as_new()
    {
        var match = await Matches.EnsureAsync(60);
        var seen = new ConcurrentDictionary<int, string?>();
        await using var harness = await PipelineHarness.StartAsync();
        harness.StartWorkers(plugins: new BuiltInPluginHost([new ChunkListingBlackFrames(seen, padding: 0)]));

        var summary = await harness.RunEventAsync(
            PipelineHarness.Event("carried", $"hls:{match.PlaylistPath}", vod: true, new EventSettings(GapTimeoutMs: 20_000, ContinueAsNewEvery: 2)),
            TimeSpan.FromMinutes(3));

        summary.Progress.ChunksProcessed.ShouldBe(match.ChunkPaths.Count);
        summary.Progress.Failures.ShouldBeEmpty();
        seen.Count.ShouldBe(match.ChunkPaths.Count);
        var first = seen.Keys.Min();
        foreach (var (chunk, state) in seen)
        {
            // The chunk workflows run ahead of each other; the state still comes strictly from the chunk before.
            state.ShouldBe(chunk == first ? null : string.Join(',', Enumerable.Range(first, chunk - first)), $"state given to chunk {chunk}");
        }

        // The optimizer still reads BlackFrames' results, so every burst is found and clipped.
        var segments = await harness.Data.Segments.QueryAsync(new SegmentQuery("carried") { Closed = true });
        segments.Count.ShouldBe(match.Truth.Bursts.Count);
        (await harness.Data.Clips.ListAsync("carried")).Count.ShouldBe(segments.Count * 2);
        await harness.AssertEveryHistoryReplaysAsync();
    }

    [Fact]
    public async Task Carried_state_over_the_limit_fails_that_plugin_visibly_once_per_chunk_and_the_event_completes()
    {
        var match = await Matches.EnsureAsync(30);
        var seen = new ConcurrentDictionary<int, string?>();
        await using var harness = await PipelineHarness.StartAsync(configure: o => o.MaxCarriedStateBytes = 1024);
        harness.StartWorkers(plugins: new BuiltInPluginHost([new ChunkListingBlackFrames(seen, padding: 4096)]));

        var summary = await harness.RunEventAsync(PipelineHarness.Event("bloated", $"hls:{match.PlaylistPath}", vod: true), TimeSpan.FromMinutes(3));

        summary.Progress.ChunksProcessed.ShouldBe(match.ChunkPaths.Count);
        summary.Progress.Failures.Count.ShouldBe(match.ChunkPaths.Count);
        summary.Progress.Failures.ShouldAllBe(f => f.Plugin == BuiltInPlugins.BlackFrames
            && f.Message.Contains("returned 4", StringComparison.Ordinal) && f.Message.Contains("the limit is 1024 bytes", StringComparison.Ordinal));

        // Refused state is never handed on, and the failure is not retried.
        seen.Values.ShouldAllBe(s => s == null);
        var history = await harness.Client.GetWorkflowHandle("event-bloated").FetchHistoryAsync();
        history.Events.Count(e => e.ActivityTaskFailedEventAttributes?.Failure.ApplicationFailureInfo?.Type == "PluginStateTooLarge")
            .ShouldBe(match.ChunkPaths.Count);
    }

    /// <summary>
    /// BlackFrames declaring carried state: it records the state it is given and hands on the list of chunks it has
    /// seen (plus <c>padding</c> bytes).
    /// </summary>
    private sealed class ChunkListingBlackFrames(ConcurrentDictionary<int, string?> seen, int padding) : IFeaturer
    {
        private readonly IFeaturer real = new BuiltInPluginHost().GetFeaturer(BuiltInPlugins.BlackFrames);

        public PluginDescriptor Descriptor => real.Descriptor with { CarriesState = true };

        public FeaturerResult Analyse(FeaturerInput input)
        {
            var chunk = input.Chunk.ChunkNumber;
            seen[chunk] = input.CarriedState;
            var listed = input.CarriedState is { Length: > 0 } before ? before.Split('|')[0] + "," : "";
            var state = listed + chunk.ToString(CultureInfo.InvariantCulture) + (padding > 0 ? "|" + new string('x', padding) : "");
            return real.Analyse(input) with { CarriedState = state };
        }
    }
}
