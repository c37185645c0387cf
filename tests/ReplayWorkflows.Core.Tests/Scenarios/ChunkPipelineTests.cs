using ReplayWorkflows.Core.Exports;
using ReplayWorkflows.Core.Labeling;
using ReplayWorkflows.Core.Optimization;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Replays;
using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Core.Tests.Segments;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Tests.Scenarios;

/// <summary>
/// The order-dependent stages of an event wired together as a workflow would: classifier state per chunk, optimizer
/// waiting for detector coverage, labeler on closed segments, a catch-up replay and the EDL at the end.
/// </summary>
public class ChunkPipelineTests
{
    private sealed class PeakLabeler : ILabeler
    {
        public PluginDescriptor Descriptor { get; } = BuiltInPlugins.CreateCatalog().Find(BuiltInPlugins.ExcitementLabeler)!;

        public LabelerResult Label(LabelerInput input)
        {
            var peak = input.Dependencies.SelectMany(d => d.Points).Max(p => p.Values["level"]);
            return new LabelerResult(peak >= 0.9 ? "Goal" : "Chance",
                new Dictionary<string, bool> { ["HighExcitement"] = peak >= 0.9 },
                new Dictionary<string, double> { ["PeakLevel"] = peak });
        }
    }

    [Fact]
    public void Segments_are_optimized_only_once_detectors_cover_end_plus_window_then_labelled_replayed_and_exported()
    {
        const long window = 3_000;
        var policy = new SegmentPolicy("evt", "Level", 60_000);
        var labeler = new PeakLabeler();
        // Level: high 12-27 s (peak 0.95) and 31-38.5 s (peak 0.7). Silence (safe) just after each end.
        var level = new[] { (0L, 0.1), (12_400L, 0.8), (20_000L, 0.95), (27_000L, 0.2), (31_000L, 0.7), (38_500L, 0.1), (55_000L, 0.1) }
            .Select(p => LevelClassifier.Point(p.Item1, p.Item2)).ToList();
        var silence = new List<DataPoint> { DataPoint.Range(28_000, 28_600), DataPoint.Range(39_500, 40_500) };
        var replay = new CatchUpReplay(new ReplayRequest("r", ReplayMode.Duration,
            [new FeatureSelector("ExcitementLabeler", "HighExcitement", Weight: 10), new FeatureSelector("Level", "Any", Weight: 1)],
            DurationMs: 15_000, ToleranceMs: 5_000, CatchUp: true));

        var state = SegmentState.Initial;
        var queue = OptimizationQueue.Empty;
        var optimizedAtChunk = new Dictionary<long, int>();
        var exported = new List<ExportSegment>();
        for (var n = 0; n < 3; n++)
        {
            var chunk = new ChunkInfo(n + 1, new TimeRange(n * 20_000L, (n + 1) * 20_000L));
            var data = new List<PluginData>
            {
                new("Level", null, level.Where(p => chunk.Span.Contains(p.StartMs)).ToList()),
                new("Silence", 1, silence.Where(p => chunk.Span.Contains(p.StartMs)).ToList()),
            };
            var input = SegmentStateMachine.PrepareInput(policy, state, chunk, data, PluginConfiguration.Empty);
            var step = SegmentStateMachine.Advance(policy, state, chunk, data, LevelClassifier.Classify(input));
            state = step.State;

            queue = queue.Add(step.Closed);
            var (ready, waiting) = queue.TakeReady(detectorsCoveredUntilMs: chunk.EndMs, window, eventEnded: n == 2);
            queue = waiting;
            foreach (var segment in ready)
            {
                optimizedAtChunk[segment.StartMs] = chunk.Number;
                var detectors = new DetectorData("Silence", CutBias.Safe, silence);
                var optimized = CutPointSearch.Optimize(segment, [detectors], window, new TimeRange(0, chunk.EndMs));
                var label = labeler.Label(SegmentLabeling.InputFor(segment, PluginConfiguration.Empty, [new PluginData("Level", null, level)]));
                var features = SegmentFeatures.Collect(segment, [], "ExcitementLabeler", label);
                replay.Upsert(new ReplayCandidate(segment.Key, segment.StartMs, segment.EndMs, optimized.OptoStartMs, optimized.OptoEndMs, features));
                exported.Add(new ExportSegment(segment.Classifier, segment.StartMs, segment.EndMs, segment.CloseReason,
                    optimized.OptoStartMs, optimized.OptoEndMs, label.Label, features));
            }
        }

        // 12.4-27.0 closes in chunk 2 (ends 40 s >= 27 + 3): optimized there. 31.0-38.5 closes in chunk 2 too, but its
        // end + window (41.5 s) is only covered by chunk 3. MRE would have optimized both in chunk 2.
        optimizedAtChunk.ShouldBe(new Dictionary<long, int> { [12_400] = 2, [31_000] = 3 });
        exported.Select(e => (e.StartMs, e.OptoEndMs, e.Label)).ShouldBe([(12_400L, (long?)28_600L, "Goal"), (31_000L, 40_500L, "Chance")]);

        var clip = replay.Selection.Clips.ShouldHaveSingleItem();
        (clip.PlayStartMs, clip.PlayEndMs, clip.Score).ShouldBe((12_400L, 28_600L, (int?)10));

        var edl = EventEdlExporter.Export(new EventExportInfo("evt", "Match", "P", "profile", FrameRate.Fps25, [1], "match.ts", []), exported);
        edl.ShouldHaveSingleItem().Content.ShouldContain("001  AX       B     C        00:00:12:10 00:00:28:15 01:00:00:00 01:00:16:05");
    }
}
