using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Core.Tests.Segments;

/// <summary>
/// A deterministic test classifier: a segment starts where the "Level" featurer's value rises to or above the
/// threshold and ends where it falls below it. Its only memory across chunks is the last level, carried as state.
/// </summary>
internal static class LevelClassifier
{
    public const string Featurer = "Level";
    public const double Threshold = 0.5;

    public static ClassifierResult Classify(ClassifierInput input)
    {
        var high = input.CarriedState == "high";
        var marks = new List<SegmentMark>();
        // Only this chunk's points: earlier ones were already seen and are there for look-back only.
        foreach (var p in PluginData.PointsOf(input.Dependencies, Featurer).Where(p => p.StartMs >= input.Chunk.StartMs && p.StartMs < input.Chunk.EndMs))
        {
            var nowHigh = p.Values["level"] >= Threshold;
            if (nowHigh != high)
            {
                marks.Add(nowHigh ? SegmentMark.StartAt(p.StartMs) : SegmentMark.EndAt(p.StartMs));
                high = nowHigh;
            }
        }

        return new ClassifierResult(marks, high ? "high" : "low");
    }

    public static DataPoint Point(long timeMs, double level) =>
        DataPoint.At(timeMs, values: new Dictionary<string, double> { ["level"] = level });

    /// <summary>Runs a whole stream through the state machine, cut at <paramref name="cuts"/>.</summary>
    public static List<Segment> Run(SegmentPolicy policy, IReadOnlyList<DataPoint> stream, long durationMs, IReadOnlyList<long> cuts)
    {
        var bounds = cuts.Where(c => c > 0 && c < durationMs).Distinct().Order().Prepend(0).Append(durationMs).ToList();
        var state = SegmentState.Initial;
        var closed = new List<Segment>();
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            var chunk = new ChunkInfo(i + 1, new(bounds[i], bounds[i + 1]));
            var data = new List<PluginData>
            {
                new(Featurer, null, stream.Where(p => p.StartMs >= chunk.StartMs && p.StartMs < chunk.EndMs).ToList()),
            };
            var input = SegmentStateMachine.PrepareInput(policy, state, chunk, data, PluginConfiguration.Empty);
            var step = SegmentStateMachine.Advance(policy, state, chunk, data, Classify(input));
            closed.AddRange(step.Closed);
            state = step.State;
        }

        closed.AddRange(SegmentStateMachine.Finish(policy, state, durationMs).Closed);
        return closed;
    }
}
